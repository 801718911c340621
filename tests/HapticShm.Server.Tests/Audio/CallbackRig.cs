using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Server.Audio;
using HapticShm.Server.Clients;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Tests.Audio;

/// <summary>The server's audio path as ServerHost builds it (engine, client slots, status block,
/// callback), driven block by block by the test on its own thread.</summary>
public sealed class CallbackRig : IDisposable
{
    public const int SampleRate = 48_000;
    public const long MarginNs = 1_000_000;

    private readonly TempRuntimeDirectory _dir = new();
    private readonly List<CommandRing> _rings = [];
    private PlanarAudioBuffer _output;
    private long _blockStartNs = 1_000_000_000;

    public CallbackRig(int blockSize = 64, int maxBlockFrames = 4096)
    {
        Engine = new StimulusEngine(new EngineOptions { SampleRate = SampleRate, MaxBlockFrames = maxBlockFrames, MaxClients = Clients.Length });
        for (int i = 0; i < Clients.Length; i++) Clients[i] = new ClientSlot(i);
        Status = StatusFile.Create(System.IO.Path.Combine(_dir.Path, "status.shm"));
        Publisher = new StatusPublisher(Status, new ProcessStats(), () => 0, Engine.ChannelCount);
        Callback = new AudioCallback(Engine, Clients, Publisher, blockSize, MarginNs);
        _output = new PlanarAudioBuffer(Engine.ChannelCount, blockSize);
    }

    public StimulusEngine Engine { get; }
    public ClientSlot[] Clients { get; } = new ClientSlot[StatusBlock.MaxClients];
    public StatusFile Status { get; }
    public StatusPublisher Publisher { get; }
    public AudioCallback Callback { get; }
    public PlanarAudioBuffer Output => _output;

    /// <summary>A client in slot <paramref name="slot"/> with a ring of <paramref name="capacity"/>, as the listener attaches one.</summary>
    public CommandRing AddClient(int slot, int capacity = 1024)
    {
        var ring = CommandRing.Create(System.IO.Path.Combine(_dir.Path, $"ring-{slot}.shm"), capacity, Guid.NewGuid(), Environment.ProcessId);
        _rings.Add(ring);
        ClientSlot client = Clients[slot];
        client.Ring = ring;
        client.Consumer = ring.Consumer;
        client.Pid = Environment.ProcessId;
        client.State = ClientState.Active;
        return ring;
    }

    /// <summary>Renders one block of <paramref name="frames"/> (the device's current size) and returns its peak over all channels.</summary>
    public float RenderBlock(int frames = 64)
    {
        if (_output.MaxFrames < frames) _output = new PlanarAudioBuffer(Engine.ChannelCount, frames);
        for (int c = 0; c < _output.ChannelCount; c++) _output.Channel(c).Fill(float.NaN); // what a driver may leave in its buffers
        Callback.Render(_output.AsChannelBuffers(frames), _blockStartNs);
        _blockStartNs += frames * 1_000_000_000L / SampleRate;
        float peak = 0;
        for (int c = 0; c < _output.ChannelCount; c++)
            foreach (float sample in _output.Channel(c)[..frames])
                peak = float.IsNaN(sample) || float.IsNaN(peak) ? float.NaN : Math.Max(peak, Math.Abs(sample));
        return peak;
    }

    /// <summary>The time the next block starts at (commands stamped earlier are due now).</summary>
    public long NextBlockStartNs => _blockStartNs;

    public StatusBlock ReadStatus()
    {
        using var reader = StatusFile.Open(Status.Path);
        Assert.True(reader.TryRead(out StatusBlock block), "status block stayed busy");
        return block;
    }

    public void Dispose()
    {
        foreach (ClientSlot client in Clients) client.State = ClientState.Free;
        foreach (CommandRing ring in _rings) ring.Dispose();
        Status.Dispose();
        _dir.Dispose();
    }
}
