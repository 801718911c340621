using HapticShm.Plugin.Core.Editor;

namespace HapticShm.Plugin.Window;

/// <summary>
/// What an open editor reads from the plugin every frame and where its edits and clicks go. The
/// plugin format's controller implements it; every member is called on the UI thread, returns at
/// once and allocates nothing.
/// </summary>
public interface IEditorSource : IEditorHost
{
    /// <summary>The controller's normalized values, indexed like <c>PluginParameters.All</c>.</summary>
    ReadOnlySpan<double> Values { get; }

    /// <summary>The plugin's own view of its connection.</summary>
    EditorConnectionInput ReadConnection();

    /// <summary>The status block to read (null: the default runtime directory's).</summary>
    string? StatusPath { get; }
}
