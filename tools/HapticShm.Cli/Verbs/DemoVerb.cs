using System.CommandLine;
using HapticShm.Cli.ServerControl;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Verbs;

/// <summary>
/// <c>hapticshm demo</c>: the whole path in one command. Starts a server with the best backend
/// (jack if a JACK server answers, else null) unless one runs, plays the built-in sequence (a
/// standing wave, travelling waves, a source sweeping across the array) through a ring while the
/// monitor shows it, stops the server it started, then renders the same sequence to demo.wav and
/// demo.png.
/// </summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var backend = new Option<string>("--backend") { Description = "auto, jack or null.", DefaultValueFactory = _ => "auto" };
        var outputDirectory = new Option<string>("--output-dir") { Description = "Where demo.wav and demo.png go.", DefaultValueFactory = _ => "." };
        var noMonitor = new Option<bool>("--no-monitor") { Description = "Do not show the live monitor while playing." };
        backend.AcceptOnlyFromAmong("auto", "jack", "null");
        var demo = new Command("demo", "Start a server, play a built-in sequence with the live monitor, render it to demo.wav and demo.png.") { backend, outputDirectory, noMonitor };
        demo.SetAction(async (result, cancel) =>
            await Run(result.GetValue(backend)!, result.GetValue(outputDirectory)!, !result.GetValue(noMonitor), cancel).ConfigureAwait(false));
        return demo;
    }

    private static async Task<int> Run(string backend, string outputDirectory, bool monitor, CancellationToken cancel)
    {
        bool startedHere = false;
        if (ServerProbe.TryReadStatus() is not StatusBlock status)
        {
            try
            {
                status = await ServerLauncher.StartAsync(["--backend", backend, "--idle-exit", "30"], TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                Console.Error.WriteLine($"hapticshm demo: could not start a server: {e.Message}");
                return 1;
            }
            startedHere = true;
        }
        Console.WriteLine($"server {status.ServerPid}: {status.BackendText}, {status.SampleRate} Hz, {status.BlockSize} frames, {status.ChannelCount} channels");

        int played;
        try
        {
            var playing = Task.Run(() => PlayVerb.Run(null, cancel), cancel);
            if (monitor) await MonitorVerb.Run(0, cancel, () => playing.IsCompleted).ConfigureAwait(false);
            played = await playing.ConfigureAwait(false);
            if (played == 0 && ServerProbe.TryReadStatus() is StatusBlock after)
                Console.WriteLine($"server saw {after.NotesPlayed} notes, peak {after.PeakVoices} voices, {after.Late} late, {after.Xruns} xruns");
        }
        finally
        {
            if (startedHere) StopServer(status.ServerPid);
        }
        if (played != 0) return played;

        Directory.CreateDirectory(outputDirectory);
        string wav = Path.Combine(outputDirectory, "demo.wav"), png = Path.Combine(outputDirectory, "demo.png");
        int rendered = RenderVerb.Run(null, wav, png, null, 48000, 64, json: false);
        if (rendered == 0) Console.WriteLine($"wrote {Path.GetFullPath(wav)} and {Path.GetFullPath(png)}");
        return rendered;
    }

    private static void StopServer(int pid)
    {
        Interop.Signals.Terminate(pid);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (ServerProbe.IsAlive(pid) && DateTime.UtcNow < deadline) Thread.Sleep(10);
    }
}
