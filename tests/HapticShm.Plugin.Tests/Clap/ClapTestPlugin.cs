using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>One plugin instance as a CLAP host drives it: created through the factory with our
/// host, main-thread calls on the test's thread, process calls on <see cref="Audio"/>.</summary>
internal sealed unsafe class ClapTestPlugin : IDisposable
{
    public const string PluginId = "org.hapticshm.hapticshm";

    private bool _destroyed;

    public ClapTestPlugin(ClapModule module, bool offerThreadCheck = true, int frames = 64, bool offerRunLoop = true)
        : this(module.Factory, offerThreadCheck, frames, offerRunLoop)
    {
    }

    /// <param name="factory">A clap.plugin-factory: the published library's, or the managed build's.</param>
    public ClapTestPlugin(ClapPluginFactory* factory, bool offerThreadCheck = true, int frames = 64, bool offerRunLoop = true)
    {
        Host = new ClapTestHost(offerThreadCheck, offerRunLoop);
        Audio = new ClapAudioThread(Host);
        fixed (byte* id = "org.hapticshm.hapticshm\0"u8) Plugin = factory->CreatePlugin(factory, Host.Host, id);
        Assert.True(Plugin != null, "create_plugin returned null");
        Assert.Equal(1, Plugin->Init(Plugin));
        Block = new ClapTestProcess(frames);
    }

    public ClapTestHost Host { get; }

    public ClapAudioThread Audio { get; }

    public ClapPlugin* Plugin { get; }

    public ClapTestProcess Block { get; }

    public ClapTestEvents Events { get; } = new();

    public bool IsActive { get; private set; }

    public T* Extension<T>(ReadOnlySpan<byte> id) where T : unmanaged
    {
        fixed (byte* name = id) return (T*)Plugin->GetExtension(Plugin, name);
    }

    public void Activate(double sampleRate = 48000, int frames = 64)
    {
        Assert.Equal(1, Plugin->Activate(Plugin, sampleRate, 1, (uint)frames));
        IsActive = true;
        Assert.Equal(1, Audio.Run(() => Plugin->StartProcessing(Plugin)));
    }

    public void Deactivate()
    {
        if (!IsActive) return;
        Audio.Run(() => Plugin->StopProcessing(Plugin));
        Plugin->Deactivate(Plugin);
        IsActive = false;
    }

    /// <summary>One block on the audio thread with the events added to <see cref="Events"/> (then cleared).</summary>
    public int Process()
    {
        int status = Audio.Run(() => Block.Run(Plugin, Events));
        Events.Clear();
        return status;
    }

    /// <summary>Empty blocks about every 2 ms for <paramref name="milliseconds"/> (the session's heartbeat stays fresh).</summary>
    public void Idle(int milliseconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < milliseconds)
        {
            Assert.Equal(ClapProcessStatus.Continue, Process());
            Thread.Sleep(2);
        }
    }

    public byte[] SaveState(ClapTestStreams streams)
    {
        streams.ClearOutput();
        Assert.Equal(1, Extension<ClapPluginState>(ClapIds.State)->Save(Plugin, streams.Out));
        return streams.Written;
    }

    public bool LoadState(ClapTestStreams streams, byte[] bytes)
    {
        streams.SetInput(bytes);
        return Extension<ClapPluginState>(ClapIds.State)->Load(Plugin, streams.In) != 0;
    }

    public double GetValue(uint id)
    {
        double value;
        Assert.Equal(1, Extension<ClapPluginParams>(ClapIds.Params)->GetValue(Plugin, id, &value));
        return value;
    }

    /// <summary>params.flush with parameter values, outside processing (main thread while inactive).</summary>
    public void Flush(params (uint Id, double Plain)[] values)
    {
        using var events = new ClapTestEvents();
        foreach (var (id, plain) in values) events.ParamValue(0, id, plain);
        Extension<ClapPluginParams>(ClapIds.Params)->Flush(Plugin, events.Input, events.Output);
    }

    public void Dispose()
    {
        if (_destroyed) return;
        _destroyed = true;
        Deactivate();
        Plugin->Destroy(Plugin);
        Audio.Dispose();
        Events.Dispose();
        Block.Dispose();
        Host.Dispose();
    }
}
