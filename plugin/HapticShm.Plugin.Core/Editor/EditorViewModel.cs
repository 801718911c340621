using HapticShm.Plugin.Core.Parameters;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Editor;

/// <summary>
/// What the editor shows, filled once per frame from a status block copy, the plugin's own
/// connection figures and its parameter values, into arrays allocated here once: drawing reads
/// it, hit-testing maps clicks through it, and an update allocates nothing. No window, no drawing
/// library: testable on its own.
/// </summary>
public sealed partial class EditorViewModel
{
    private readonly float[] _transducerX = new float[StatusBlock.MaxTransducers];
    private readonly float[] _transducerY = new float[StatusBlock.MaxTransducers];
    private readonly float[] _levels = new float[StatusBlock.MaxTransducers];
    private readonly float[] _sourceX = new float[StatusBlock.MaxVoiceSources];
    private readonly float[] _sourceY = new float[StatusBlock.MaxVoiceSources];
    private readonly float[] _sourceLevel = new float[StatusBlock.MaxVoiceSources];
    private readonly VoiceSourceKind[] _sourceKind = new VoiceSourceKind[StatusBlock.MaxVoiceSources];
    private readonly bool[] _sourceReleased = new bool[StatusBlock.MaxVoiceSources];
    private readonly EditorControl[] _controls;
    private readonly int _ownPid;
    private bool _geometryDirty = true;
    private float _minX, _minY, _maxX, _maxY, _centreX, _centreY;

    /// <param name="ownPid">This process's id: the client entry with it is this instance's ring.</param>
    public EditorViewModel(int ownPid)
    {
        _ownPid = ownPid;
        var controls = new List<EditorControl>();
        for (int i = 0; i < PluginParameters.All.Count; i++)
        {
            PluginParameter p = PluginParameters.All[i];
            if (!p.IsHidden && !p.IsBypass) controls.Add(new EditorControl(p, i));
        }
        _controls = [.. controls];
        Layout = new EditorLayout(_controls.Length);
        SetTransducers(default, 0); // nothing published yet: an empty array centred on the origin
    }

    /// <summary>Pixel rectangles of the parts.</summary>
    public EditorLayout Layout { get; }

    /// <summary>Metres to pixels of <see cref="EditorLayout.Array"/>.</summary>
    public ArrayTransform Transform { get; private set; }

    /// <summary>Radius of a transducer's cell in pixels (half the nearest spacing, bounded).</summary>
    public float CellRadius { get; private set; }

    /// <summary>The connection's state.</summary>
    public EditorConnectionState Connection { get; private set; }

    /// <summary>First line: state, server pid, and the reason when something is wrong.</summary>
    public TextLine ConnectionText { get; } = new(160);

    /// <summary>Second line: backend (while the auto backend waits for JACK, "null: waiting for JACK" and why), format, latency, load, xruns.</summary>
    public TextLine ServerText { get; } = new(320);

    /// <summary>Third line: this instance's ring.</summary>
    public TextLine RingText { get; } = new(160);

    /// <summary>Fourth line: the clock this instance stamps with (the host's, or its own fit and why).</summary>
    public TextLine ClockText { get; } = new(96);

    /// <summary>Transducers shown.</summary>
    public int TransducerCount { get; private set; }

    /// <summary>Transducer x in metres (first <see cref="TransducerCount"/>).</summary>
    public ReadOnlySpan<float> TransducerX => _transducerX.AsSpan(0, TransducerCount);

    /// <summary>Transducer y in metres.</summary>
    public ReadOnlySpan<float> TransducerY => _transducerY.AsSpan(0, TransducerCount);

    /// <summary>Transducer level 0..1.</summary>
    public ReadOnlySpan<float> Levels => _levels.AsSpan(0, TransducerCount);

    /// <summary>Voice sources shown.</summary>
    public int SourceCount { get; private set; }

    /// <summary>Source x in metres (first <see cref="SourceCount"/>).</summary>
    public ReadOnlySpan<float> SourceX => _sourceX.AsSpan(0, SourceCount);

    /// <summary>Source y in metres.</summary>
    public ReadOnlySpan<float> SourceY => _sourceY.AsSpan(0, SourceCount);

    /// <summary>Source level 0..1.</summary>
    public ReadOnlySpan<float> SourceLevel => _sourceLevel.AsSpan(0, SourceCount);

    /// <summary>Source kind.</summary>
    public ReadOnlySpan<VoiceSourceKind> SourceKind => _sourceKind.AsSpan(0, SourceCount);

    /// <summary>Source released (fading).</summary>
    public ReadOnlySpan<bool> SourceReleased => _sourceReleased.AsSpan(0, SourceCount);

    /// <summary>The sliders, in the order of <see cref="EditorLayout.Track"/>.</summary>
    public ReadOnlySpan<EditorControl> Controls => _controls;

    /// <summary>Sets the view size in pixels.</summary>
    public void Resize(int width, int height)
    {
        Layout.Resize(width, height);
        _geometryDirty = true;
        UpdateTransform();
    }

    /// <summary>Fills everything for one frame. <paramref name="status"/> is read only when
    /// <paramref name="statusRead"/> (a live server's copy); <paramref name="normalized"/> holds
    /// the controller's values indexed like <see cref="PluginParameters.All"/>.</summary>
    public void Update(in StatusBlock status, bool statusRead, in EditorConnectionInput connection, ReadOnlySpan<double> normalized, long nowNs)
    {
        foreach (EditorControl control in _controls)
            control.Set((uint)control.ParameterIndex < (uint)normalized.Length ? normalized[control.ParameterIndex] : control.Parameter.DefaultNormalized);
        UpdateConnection(status, statusRead, connection, nowNs);
        if (statusRead)
        {
            SetTransducers(status, Math.Clamp(status.TransducerCount, 0, StatusBlock.MaxTransducers));
            SetSources(status);
        }
        else
        {
            // Keep the last layout on screen, dark: no levels, no sources.
            Array.Clear(_levels);
            SourceCount = 0;
        }
        UpdateTransform();
    }
}
