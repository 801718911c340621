using System.Runtime.InteropServices;
using HapticShm.Engine;
using HapticShm.Server.Audio;
using HapticShm.Server.Backends;
using HapticShm.Server.Clients;
using HapticShm.Server.Logging;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Hosting;

/// <summary>Puts the server together, runs it until told to stop or idle, and takes it apart.</summary>
public static class ServerHost
{
    public const int MaxClients = StatusBlock.MaxClients;

    /// <summary>Exit codes: 0 ok (also: another server already runs), 2 bad options or layout,
    /// 3 no usable audio backend, 4 the audio callback or device failed.</summary>
    public static int Run(ServerOptions options)
    {
        long startedNs = MonotonicClock.NowNs();
        string directory = RuntimePaths.RuntimeDirectory;
        using var instance = SingleInstanceLock.TryAcquire(Path.Combine(directory, "server.lock"));
        if (instance is null)
        {
            Console.Error.WriteLine($"hapticshm-server: a server is already running for this user ({RuntimePaths.SocketPath}); nothing to do");
            return 0;
        }
        using var log = new ServerLog(RuntimePaths.ServerLogPath, options.Foreground);
        log.Write($"hapticshm-server {Environment.ProcessId} starting in {directory}");

        TransducerLayout layout;
        try
        {
            layout = options.LayoutPath is null ? TransducerLayout.Default : TransducerLayout.Load(options.LayoutPath);
        }
        catch (Exception e) when (e is LayoutException or IOException)
        {
            log.Write($"layout: {e.Message}");
            Console.Error.WriteLine($"hapticshm-server: {e.Message}");
            return 2;
        }

        IAudioBackend backend;
        try
        {
            backend = BackendSelection.Open(options, layout.Count, log);
        }
        catch (AudioBackendException e)
        {
            log.Write($"audio backend: {e.Message}");
            Console.Error.WriteLine($"hapticshm-server: {e.Message}");
            return 3;
        }
        using (backend)
        {
            return Serve(options, layout, backend, log, startedNs);
        }
    }

    private static int Serve(ServerOptions options, TransducerLayout layout, IAudioBackend backend, ServerLog log, long startedNs)
    {
        int sampleRate = backend.SampleRate, blockSize = backend.BlockSize;
        // A command stamped "now" waits at most one block for the next callback, whose output
        // starts one block later (the device buffer); the margin absorbs scheduling jitter.
        long fixedLatencyNs = (long)(2 * blockSize * 1e9 / sampleRate + options.LatencyMarginMs * 1e6);
        var engine = new StimulusEngine(new EngineOptions
        {
            Layout = layout,
            SampleRate = sampleRate,
            MaxBlockFrames = Math.Max(4096, blockSize),
            WaveVoices = options.WaveVoices,
            StandingVoices = options.StandingVoices,
            FixedLatencyNs = fixedLatencyNs,
            MaxClients = MaxClients,
        });
        var clients = new ClientSlot[MaxClients];
        for (int i = 0; i < clients.Length; i++) clients[i] = new ClientSlot(i);

        using var statusFile = StatusFile.Create(RuntimePaths.StatusPath);
        var stats = new ProcessStats();
        var publisher = new StatusPublisher(statusFile, stats, () => backend.Xruns, layout.Count, backend as IBlockTimelineSource);
        var callback = new AudioCallback(engine, clients, publisher, sampleRate, blockSize);

        var welcome = HandshakeFrame.Header(HandshakeMessageType.Welcome);
        welcome.ServerPid = Environment.ProcessId;
        welcome.SampleRate = sampleRate;
        welcome.BlockSize = blockSize;
        welcome.ChannelCount = layout.Count;
        welcome.RingCapacity = RingLayout.DefaultCapacity;
        welcome.FixedLatencyNs = fixedLatencyNs;

        string socketPath = RuntimePaths.SocketPath;
        File.Delete(socketPath); // we hold the instance lock: any socket file here is stale
        using var listener = new HandshakeListener(socketPath, clients, log, stats, welcome);

        int stopRequested = 0;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; Volatile.Write(ref stopRequested, 1); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; Volatile.Write(ref stopRequested, 1); });

        publisher.PublishIdentity(backend.Name, sampleRate, blockSize, layout.Count, fixedLatencyNs, startedNs);
        backend.Start(callback.Render);
        long readyNs = MonotonicClock.NowNs();
        stats.MarkReady();
        publisher.MarkReady(readyNs);
        log.Write($"ready in {(readyNs - startedNs) / 1e6:F1} ms: backend {backend.Name}, {sampleRate} Hz, {blockSize} frames, {layout.Count} channels, latency {fixedLatencyNs / 1e6:F2} ms, socket {socketPath}");

        int exitCode = 0;
        listener.Run(() =>
        {
            if (Volatile.Read(ref stopRequested) != 0) return true;
            if (!backend.HasFailed && !callback.HasFailed) return false;
            exitCode = 4;
            return true;
        }, options.IdleExitSeconds);

        if (exitCode == 4) log.Write($"stopping: the {(backend.HasFailed ? "audio device" : "audio callback")} failed");
        backend.Stop();
        stats.Sample();
        log.Write($"stopped after {callback.Callbacks} callbacks, {backend.Xruns} xruns, {stats.GcCount} GCs and {stats.AllocatedBytes} bytes allocated since ready");
        listener.Dispose();
        File.Delete(socketPath);
        statusFile.Dispose();
        File.Delete(RuntimePaths.StatusPath);
        return exitCode;
    }
}
