using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Component;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Server;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// One CLAP plugin instance: the clap_plugin_t the host holds (native memory, its plugin_data a
/// GCHandle to this object) around the same <see cref="PluginProcessor"/> and
/// <see cref="RingConnection"/> (server launch, reconnect, watchdog) the VST3 component uses.
/// activate..deactivate is the VST3's setActive(true)..setActive(false).
/// </summary>
internal sealed unsafe partial class ClapInstance : IDisposable
{
    private readonly RingConnection _connection;
    private GCHandle _self;
    private ClapHostThreadCheck* _threadCheck;
    private ClapHostParams* _hostParams;
    private string? _editorError;

    private ClapInstance(ClapHost* host)
    {
        Host = host;
        _connection = new RingConnection(Processor, socketPath: null, launchServer: ServerLauncher.TryLaunch,
            getEnvironment: HapticComponent.ReadEnvironment, reapLaunched: ServerLauncher.ReapExited, plugInFormat: "CLAP");
        Plugin = (ClapPlugin*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPlugin));
        ClapPluginExports.Fill(Plugin);
        Plugin->Desc = ClapFactory.Descriptor;
        _self = GCHandle.Alloc(this);
        Plugin->PluginData = (void*)GCHandle.ToIntPtr(_self);
    }

    public ClapPlugin* Plugin { get; }

    public ClapHost* Host { get; }

    /// <summary>The server connection (the editor shows it).</summary>
    public RingConnection Connection => _connection;

    /// <summary>The editor between gui.create and gui.destroy (main thread).</summary>
    public ClapEditor? Editor { get; private set; }

    /// <summary>Why the last gui.create or set_parent failed (diagnostics).</summary>
    public string? EditorError => _editorError ?? Editor?.LastError;

    /// <summary>The editor's edits on their way to the host (see <see cref="ClapEditQueue"/>).</summary>
    public ClapEditQueue Edits { get; } = new();

    /// <summary>The host's clap.timer-support, or null.</summary>
    public ClapHostTimerSupport* HostTimers { get; private set; }

    /// <summary>The host's clap.posix-fd-support, or null.</summary>
    public ClapHostPosixFdSupport* HostFds { get; private set; }

    /// <summary>Everything host-independent happens here.</summary>
    public PluginProcessor Processor { get; } = new();

    public bool IsActive { get; private set; }

    public bool IsProcessing { get; set; }

    public double SampleRate { get; private set; } = 48000;

    /// <summary>clap.render: an offline render (a bounce) is the VST3's kOffline: nothing is sent.</summary>
    public bool RendersOffline
    {
        get => Volatile.Read(ref _rendersOffline);
        set => Volatile.Write(ref _rendersOffline, value);
    }

    private bool _rendersOffline;

    /// <summary>Creates an instance for <paramref name="host"/> (factory.create_plugin, main thread).</summary>
    public static ClapPlugin* Create(ClapHost* host) => new ClapInstance(host).Plugin;

    /// <summary>The instance behind a clap_plugin_t we created (allocation-free).</summary>
    public static ClapInstance From(ClapPlugin* plugin) => (ClapInstance)GCHandle.FromIntPtr((nint)plugin->PluginData).Target!;

    /// <summary>plugin.init: the host's extensions may be queried from here on.</summary>
    public bool Init()
    {
        _threadCheck = (ClapHostThreadCheck*)HostExtension(ClapIds.ThreadCheck);
        if (_threadCheck != null && (_threadCheck->IsMainThread == null || _threadCheck->IsAudioThread == null)) _threadCheck = null;
        _hostParams = (ClapHostParams*)HostExtension(ClapIds.Params);
        HostTimers = (ClapHostTimerSupport*)HostExtension(ClapIds.TimerSupport);
        HostFds = (ClapHostPosixFdSupport*)HostExtension(ClapIds.PosixFdSupport);
        return true;
    }

    private void* HostExtension(ReadOnlySpan<byte> id)
    {
        if (Host->GetExtension == null) return null;
        fixed (byte* name = id) return Host->GetExtension(Host, name);
    }

    /// <summary>False only when the host offers thread-check and says this is not its main thread.</summary>
    public bool OnMainThread => _threadCheck == null || _threadCheck->IsMainThread(Host) != 0;

    /// <summary>False only when the host offers thread-check and says this is not an audio thread.</summary>
    public bool OnAudioThread => _threadCheck == null || _threadCheck->IsAudioThread(Host) != 0;

    public bool Activate(double sampleRate)
    {
        if (!OnMainThread || !(sampleRate > 0) || !double.IsFinite(sampleRate)) return false;
        if (IsActive) return false; // CLAP: activate only while inactive
        SampleRate = sampleRate;
        Processor.SetSampleRate(sampleRate);
        Processor.ResetTiming();
        _connection.Start();
        IsActive = true;
        return true;
    }

    public void Deactivate()
    {
        if (!IsActive) return;
        _connection.Stop(); // never waits for the worker (see RingConnection)
        IsActive = false;
        IsProcessing = false;
    }

    /// <summary>State loaded from the host: tell it the values changed (main thread only).</summary>
    public void AfterStateLoad()
    {
        if (_hostParams != null && _hostParams->Rescan != null && OnMainThread) _hostParams->Rescan(Host, ClapHostParams.RescanValues);
    }

    /// <summary>gui.create (main thread): false when one exists or it cannot be made.</summary>
    public bool CreateEditor(byte* api, bool floating)
    {
        if (Editor is not null || !OnMainThread) return false;
        Editor = ClapEditor.TryCreate(this, api, floating, out _editorError);
        return Editor is not null;
    }

    /// <summary>gui.destroy (main thread).</summary>
    public void DestroyEditor()
    {
        Editor?.Dispose();
        Editor = null;
    }

    /// <summary>An editor edit is queued: when the host is not processing, ask it for a params.flush
    /// (request_flush is thread-safe; this runs on the UI thread, never the audio thread).</summary>
    public void RequestFlushForEdits()
    {
        if (IsProcessing || _hostParams == null || _hostParams->RequestFlush == null) return;
        _hostParams->RequestFlush(Host);
    }

    /// <summary>plugin.destroy: deactivates and lets go of everything; the clap_plugin_t is freed.</summary>
    public void Dispose()
    {
        DestroyEditor(); // a host should have destroyed the gui first; a window must not outlive us
        Deactivate();
        _connection.Dispose();
        Plugin->PluginData = null;
        NativeMemory.Free(Plugin);
        _self.Free();
    }
}
