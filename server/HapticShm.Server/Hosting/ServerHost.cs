using System.Runtime.InteropServices;
using HapticShm.Engine;
using HapticShm.Server.Audio;
using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Auto;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Clients;
using HapticShm.Server.Logging;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Hosting;

/// <summary>Opens the backend the options ask for (the server's own choice, or a test's).</summary>
public delegate IAudioBackend BackendOpener(ServerOptions options, int channels, ServerLog log);

/// <summary>Puts the server together, runs it until told to stop or idle, and takes it apart.</summary>
/// <remarks>Teardown is one explicit sequence, whatever happened before it: the backend stops
/// (its last callback has returned), then the listener closes (clients and their rings), then
/// the status block is unmapped. Nothing is unmapped under a running callback.</remarks>
public static class ServerHost
{
    public const int MaxClients = StatusBlock.MaxClients;

    // sun_path holds 108 bytes on Linux, the last one a terminating zero.
    private const int MaxSocketPathBytes = 107;

    /// <summary>Exit codes: 0 ok (also: another server already runs), 1 the runtime directory or
    /// the socket cannot be used, 2 bad options or layout, 3 no usable audio backend, 4 the audio
    /// callback or device failed.</summary>
    public static int Run(ServerOptions options) => Run(options, BackendSelection.Open);

    /// <summary><see cref="Run(ServerOptions)"/> with the backend opened by <paramref name="openBackend"/>.</summary>
    public static int Run(ServerOptions options, BackendOpener openBackend)
    {
        long startedNs = MonotonicClock.NowNs();
        string directory;
        try
        {
            directory = RuntimePaths.RuntimeDirectory;
        }
        catch (RuntimeDirectoryException e)
        {
            Console.Error.WriteLine($"hapticshm-server: {e.Message}");
            return 1;
        }
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
            return Fail(log, 2, $"layout: {e.Message}", e.Message);
        }

        IAudioBackend backend;
        ConnectMapRecord.Delete(directory); // a previous server's, if it died without removing it
        try
        {
            backend = openBackend(options, layout.Count, log);
        }
        catch (ConnectMapException e)
        {
            return Fail(log, 2, $"connect map: {e.Message}", $"connect map: {e.Message}");
        }
        catch (AudioBackendException e)
        {
            return Fail(log, 3, $"audio backend: {e.Message}", e.Message);
        }
        using (backend)
        {
            if (options.ConnectMapPath is not null && backend is (JackBackend or AutoBackend)) ConnectMapRecord.Write(directory, options.ConnectMapPath);
            try
            {
                return Serve(options, layout, backend, log, startedNs);
            }
            finally
            {
                ConnectMapRecord.Delete(directory);
            }
        }
    }

    private static int Serve(ServerOptions options, TransducerLayout layout, IAudioBackend backend, ServerLog log, long startedNs)
    {
        int sampleRate = backend.SampleRate, blockSize = backend.BlockSize;
        long latencyMarginNs = (long)(options.LatencyMarginMs * 1e6);
        var engine = new StimulusEngine(new EngineOptions
        {
            Layout = layout,
            SampleRate = sampleRate,
            MaxBlockFrames = Math.Max(4096, blockSize), // larger blocks (after a device reset) render in pieces
            WaveVoices = options.WaveVoices,
            StandingVoices = options.StandingVoices,
            PhantomVoices = options.PhantomVoices,
            FixedLatencyNs = BlockTiming.For(sampleRate, blockSize, latencyMarginNs).FixedLatencyNs,
            MaxClients = MaxClients,
        });
        var clients = new ClientSlot[MaxClients];
        for (int i = 0; i < clients.Length; i++) clients[i] = new ClientSlot(i);

        string socketPath = RuntimePaths.SocketPath, statusPath = RuntimePaths.StatusPath;
        StatusFile? statusFile = null;
        HandshakeListener? listener = null;
        bool backendStopped = false;
        try
        {
            statusFile = StatusFile.Create(statusPath);
            var stats = new ProcessStats();
            var publisher = new StatusPublisher(statusFile, stats, () => backend.Xruns, layout.Count, backend as IBlockTimelineSource, backend as IBackendStatusSource);
            var callback = new AudioCallback(engine, clients, publisher, blockSize, latencyMarginNs);

            var welcome = HandshakeFrame.Header(HandshakeMessageType.Welcome);
            welcome.ServerPid = Environment.ProcessId;
            welcome.SampleRate = sampleRate;
            welcome.ChannelCount = layout.Count;
            welcome.RingCapacity = RingLayout.DefaultCapacity;

            File.Delete(socketPath); // we hold the instance lock: any socket file here is stale
            try
            {
                listener = new HandshakeListener(socketPath, clients, log, stats, callback, welcome);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                string why = System.Text.Encoding.UTF8.GetByteCount(socketPath) > MaxSocketPathBytes
                    ? $"the path is longer than the {MaxSocketPathBytes} bytes a Unix socket path may have; point {RuntimePaths.OverrideVariable} (or XDG_RUNTIME_DIR) at a shorter directory"
                    : e.Message.ReplaceLineEndings(" ");
                string sentence = $"cannot listen on {socketPath}: {why}";
                return Fail(log, 1, sentence, sentence);
            }

            int stopRequested = 0;
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; Volatile.Write(ref stopRequested, 1); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; Volatile.Write(ref stopRequested, 1); });

            publisher.PublishIdentity(backend.Name, sampleRate, blockSize, layout.Count, callback.FixedLatencyNs, startedNs);
            try
            {
                backend.Start(callback.Render);
            }
            catch (AudioBackendException e)
            {
                return Fail(log, 3, $"audio backend: {e.Message}", e.Message);
            }
            long readyNs = MonotonicClock.NowNs();
            stats.MarkReady();
            publisher.MarkReady(readyNs);
            string backendName = backend is IBackendStatusSource { Status.State: BackendState.WaitingForJack } ? $"{backend.Name} ({StatusBlock.WaitingForJackText})" : backend.Name;
            log.Write($"ready in {(readyNs - startedNs) / 1e6:F1} ms: backend {backendName}, {sampleRate} Hz, {blockSize} frames, {layout.Count} channels, latency {callback.FixedLatencyNs / 1e6:F2} ms, socket {socketPath}");

            int exitCode = 0;
            listener.Run(() =>
            {
                if (Volatile.Read(ref stopRequested) != 0) return true;
                if (!backend.HasFailed && !callback.HasFailed) return false;
                exitCode = 4;
                return true;
            }, options.IdleExitSeconds);

            if (callback.Fault is Exception fault)
                log.Write($"stopping: the audio callback failed ({fault.GetType().Name}: {fault.Message}); its output was silenced\n{fault.StackTrace}");
            else if (exitCode == 4)
                log.Write("stopping: the audio device failed");
            StopBackend(backend, log);
            backendStopped = true;
            stats.Sample();
            log.Write($"stopped after {callback.Callbacks} callbacks, {backend.Xruns} xruns, {stats.GcCount} GCs and {stats.AllocatedBytes} bytes allocated since ready");
            return exitCode;
        }
        finally
        {
            // One order, whatever failed: the device stops calling us before anything it uses goes.
            if (!backendStopped) StopBackend(backend, log);
            if (listener is not null)
            {
                listener.Dispose();
                File.Delete(socketPath);
            }
            if (statusFile is not null)
            {
                statusFile.Dispose();
                File.Delete(statusPath);
            }
        }
    }

    private static void StopBackend(IAudioBackend backend, ServerLog log)
    {
        try
        {
            backend.Stop();
        }
        catch (AudioBackendException e)
        {
            log.Write($"stopping the audio backend: {e.Message}");
        }
    }

    private static int Fail(ServerLog log, int exitCode, string logLine, string message)
    {
        log.Write(logLine);
        Console.Error.WriteLine($"hapticshm-server: {message}");
        return exitCode;
    }
}
