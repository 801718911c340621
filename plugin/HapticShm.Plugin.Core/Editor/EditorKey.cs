namespace HapticShm.Plugin.Core.Editor;

/// <summary>The keys the editor answers to, whatever the platform called them.</summary>
public enum EditorKey
{
    /// <summary>A key the editor leaves to the host.</summary>
    None,
    /// <summary>The focused slider one step down.</summary>
    Left,
    /// <summary>The focused slider one step up.</summary>
    Right,
    /// <summary>The focus to the slider above.</summary>
    Up,
    /// <summary>The focus to the slider below.</summary>
    Down,
    /// <summary>Tab: the focus to the next slider.</summary>
    Next,
    /// <summary>Shift+Tab: the focus to the previous slider.</summary>
    Previous,
    /// <summary>The focused slider to its minimum.</summary>
    Home,
    /// <summary>The focused slider to its maximum.</summary>
    End,
    /// <summary>The focused slider a tenth of its range up.</summary>
    PageUp,
    /// <summary>The focused slider a tenth of its range down.</summary>
    PageDown,
}
