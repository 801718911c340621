namespace HapticShm.Plugin.Window.X11;

/// <summary>What an XEmbed message asks of the window (see <see cref="XEmbedClient.Receive"/>).</summary>
internal enum XEmbedChange
{
    /// <summary>Nothing to do.</summary>
    None,
    /// <summary>The flags changed: write <c>_XEMBED_INFO</c> again (and map the window).</summary>
    Info,
    /// <summary>Activation or focus changed: show the keyboard focus as <see cref="XEmbedClient.HasFocus"/> says.</summary>
    Focus,
    /// <summary>The focus came in at the first control (Tab into the editor).</summary>
    FocusFirst,
    /// <summary>The focus came in at the last control (Shift+Tab into the editor).</summary>
    FocusLast,
}

/// <summary>
/// The client half of the XEmbed protocol (freedesktop.org XEmbed 0.5) without X: the
/// <c>_XEMBED_INFO</c> our window carries, the embedder that took it in, whether the embedder's
/// top-level is active and whether we have its keyboard focus. <see cref="X11EditorWindow"/> feeds
/// it the <c>_XEMBED</c> client messages and does what <see cref="Receive"/> returns.
/// </summary>
/// <remarks>
/// <c>XEMBED_MAPPED</c> is clear until the embedder's <c>XEMBED_EMBEDDED_NOTIFY</c>, then set:
/// Steinberg's editorhost reads the info when it sees the window created and exits with "Window
/// already mapped error" if the flag is already set then; JUCE hosts show a client only once the
/// flag is set, and follow it (PropertyNotify) when it changes. The window maps itself as well, for
/// hosts that hand out a plain parent window and speak no XEmbed.
/// </remarks>
internal sealed class XEmbedClient
{
    /// <summary>The protocol version we speak (and write into <c>_XEMBED_INFO</c>).</summary>
    public const long ProtocolVersion = 0;
    /// <summary>Flag of <c>_XEMBED_INFO</c>: the client wants to be mapped.</summary>
    public const long XEMBED_MAPPED = 1;
    // Messages (data.l[1] of an _XEMBED client message).
    public const long XEMBED_EMBEDDED_NOTIFY = 0, XEMBED_WINDOW_ACTIVATE = 1, XEMBED_WINDOW_DEACTIVATE = 2, XEMBED_REQUEST_FOCUS = 3,
        XEMBED_FOCUS_IN = 4, XEMBED_FOCUS_OUT = 5, XEMBED_FOCUS_NEXT = 6, XEMBED_FOCUS_PREV = 7, XEMBED_MODALITY_ON = 10, XEMBED_MODALITY_OFF = 11;
    // Details of XEMBED_FOCUS_IN (data.l[2]).
    public const long XEMBED_FOCUS_CURRENT = 0, XEMBED_FOCUS_FIRST = 1, XEMBED_FOCUS_LAST = 2;

    /// <summary>The flags of <c>_XEMBED_INFO</c> now.</summary>
    public long Flags { get; private set; }

    /// <summary>The embedder's window, once it sent <c>XEMBED_EMBEDDED_NOTIFY</c>; 0 before.</summary>
    public nuint Embedder { get; private set; }

    /// <summary>The protocol version both sides speak (the lower of the two).</summary>
    public long Version { get; private set; } = ProtocolVersion;

    /// <summary>The embedder's top-level window is active.</summary>
    public bool Active { get; private set; }

    /// <summary>The embedder gave us its keyboard focus.</summary>
    public bool Focused { get; private set; }

    /// <summary>Whether the keyboard focus is ours to show: focused inside an active top-level.</summary>
    public bool HasFocus => Focused && Active;

    /// <summary>One <c>_XEMBED</c> message: <paramref name="message"/> is data.l[1], then detail,
    /// data1, data2 (data.l[2..4]).</summary>
    public XEmbedChange Receive(long message, long detail, long data1, long data2)
    {
        switch (message)
        {
            case XEMBED_EMBEDDED_NOTIFY:
                Embedder = (nuint)data1;
                Version = Math.Min(ProtocolVersion, data2);
                if ((Flags & XEMBED_MAPPED) != 0) return XEmbedChange.None;
                Flags |= XEMBED_MAPPED;
                return XEmbedChange.Info;
            case XEMBED_WINDOW_ACTIVATE:
                Active = true;
                return XEmbedChange.Focus;
            case XEMBED_WINDOW_DEACTIVATE:
                Active = false;
                return XEmbedChange.Focus;
            case XEMBED_FOCUS_IN:
                Focused = true;
                return detail switch
                {
                    XEMBED_FOCUS_FIRST => XEmbedChange.FocusFirst,
                    XEMBED_FOCUS_LAST => XEmbedChange.FocusLast,
                    _ => XEmbedChange.Focus,
                };
            case XEMBED_FOCUS_OUT:
                Focused = false;
                return XEmbedChange.Focus;
            default:
                return XEmbedChange.None; // modality, accelerators: nothing of ours
        }
    }
}
