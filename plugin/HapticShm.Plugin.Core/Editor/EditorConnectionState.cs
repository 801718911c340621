namespace HapticShm.Plugin.Core.Editor;

/// <summary>What the editor's connection line says.</summary>
public enum EditorConnectionState
{
    /// <summary>No server yet and this instance never had one: the plugin is starting it.</summary>
    Launching,
    /// <summary>A server runs but this instance's ring is not attached yet.</summary>
    Connecting,
    /// <summary>The server runs and serves this instance's ring.</summary>
    Connected,
    /// <summary>The server this instance had went away; the plugin relaunches and reconnects.</summary>
    Reconnecting,
    /// <summary>The server's process is there but it stopped publishing, or its audio callback failed.</summary>
    ServerHung,
}
