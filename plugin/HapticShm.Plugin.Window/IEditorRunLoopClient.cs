namespace HapticShm.Plugin.Window;

/// <summary>What an <see cref="IEditorRunLoop"/> calls back (on the host's UI thread).</summary>
public interface IEditorRunLoopClient
{
    /// <summary>The registered descriptor is readable.</summary>
    void OnFdReady();

    /// <summary>The timer fired.</summary>
    void OnTimer();
}
