using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HapticShm.Cli.Midi;
using HapticShm.Cli.Plots;
using HapticShm.Cli.Render;
using HapticShm.Engine;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm render FILE.mid -o out.wav [--plot out.png]</c>: offline, through the real engine.</summary>
internal static class RenderVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A Standard MIDI File (format 0, 1 or 2)." };
        var output = new Option<string>("--output", "-o") { Description = "The N-channel 32-bit float WAV to write.", Required = true };
        var plot = new Option<string?>("--plot") { Description = "Also draw per-transducer RMS over time and the layout to this PNG." };
        var layout = new Option<string?>("--layout") { Description = "Transducer layout JSON (default 4 x 8 at 5 cm)." };
        var sampleRate = new Option<int>("--sample-rate") { Description = "Frames per second.", DefaultValueFactory = _ => 48000 };
        var block = new Option<int>("--block") { Description = "Frames per engine block (1..4096).", DefaultValueFactory = _ => 64 };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        sampleRate.Within(8000, 384000);
        block.Within(1, 4096);
        var render = new Command("render", "Render a MIDI file to a multichannel WAV (and a PNG plot) with the stimulus engine.") { file, output, plot, layout, sampleRate, block, json };
        render.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output)!, result.GetValue(plot), result.GetValue(layout),
            result.GetValue(sampleRate), result.GetValue(block), result.GetValue(json)));
        return render;
    }

    public static int Run(string? midiPath, string wavPath, string? plotPath, string? layoutPath, int sampleRate, int block, bool json)
    {
        if (block is < 1 or > 4096) return Fail("--block takes 1..4096 frames");
        if (sampleRate is < 8000 or > 384000) return Fail("--sample-rate takes 8000..384000");
        try
        {
            TransducerLayout layout = layoutPath is null ? TransducerLayout.Default : TransducerLayout.Load(layoutPath);
            var commands = MidiInput.ToCommands(MidiInput.Read(midiPath));
            var rms = plotPath is null ? null : new RmsAccumulator(layout.Count, sampleRate, 0.01);
            RenderSummary summary = new OfflineRenderer(layout, sampleRate, block).Render(commands, wavPath, rms);
            if (rms is not null)
                RenderPlot.Save(plotPath!, rms.ToMatrix(), rms.SecondsPerColumn, layout.Positions, $"{Path.GetFileName(midiPath ?? MidiInput.DemoName)}: RMS per transducer");
            if (json) Console.WriteLine(JsonSerializer.Serialize(summary, CliJsonContext.Default.RenderSummary));
            else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rendered {midiPath ?? MidiInput.DemoName}: {summary.Notes} notes, peak {summary.PeakVoices} voices, {summary.Stolen} stolen, {summary.Late} late, {summary.DurationSeconds:F2} s at {summary.RealtimeFactor:F0}x real time -> {wavPath} ({layout.Count} channels){(plotPath is null ? "" : $", {plotPath}")}"));
            return 0;
        }
        catch (Exception e) when (e is MidiFormatException or LayoutException or IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hapticshm render: {message}");
        return 1;
    }
}
