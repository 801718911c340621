using System.CommandLine;
using HapticShm.Cli.Bench;

namespace HapticShm.Cli.Verbs;

/// <summary>The <c>bench</c> verbs: measurements that print figures.</summary>
internal static class BenchVerbs
{
    internal const string RingProducerVerb = "bench-ring-producer";

    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput, latency and cost; prints figures (--json for machines).");
        bench.Subcommands.Add(CreateRing());
        bench.Subcommands.Add(CreateStartup());
        bench.Subcommands.Add(CreateEngine());
        bench.Subcommands.Add(MeasureVerbs.CreateLatency());
        return bench;
    }

    private static Command CreateRing()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 3 };
        var capacity = new Option<int>("--capacity") { Description = "Ring capacity in slots (power of two).", DefaultValueFactory = _ => 4096 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        seconds.Positive();
        var ring = new Command("ring", "Push commands from a second process through a ring file and pop them here.") { seconds, capacity, json };
        ring.SetAction(result => RingBench.Run(result.GetValue(seconds), result.GetValue(capacity), result.GetValue(json)));
        return ring;
    }

    private static Command CreateStartup()
    {
        var runs = new Option<int>("--runs") { Description = "How many starts.", DefaultValueFactory = _ => 10 };
        var server = new Option<string?>("--server") { Description = "The server executable (default: $HAPTICSHM_SERVER, else the one next to hapticshm)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (medianMs, minMs, maxMs)." };
        runs.Within(1, 1000);
        var startup = new Command("startup", "Server start to handshake-ready, median of N runs.") { runs, server, json };
        startup.SetAction(result => StartupBench.Run(result.GetValue(runs), result.GetValue(server), result.GetValue(json)));
        return startup;
    }

    private static Command CreateEngine()
    {
        var seconds = new Option<double>("--seconds") { Description = "Wall time to render for.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var transducers = new Option<int>("--transducers") { Description = "Channels: 32 is the default layout, any other count a grid of 8 columns at 5 cm.", DefaultValueFactory = _ => 32 };
        var wave = new Option<int>("--wave-voices") { Description = "Travelling waves sounding, sources moving.", DefaultValueFactory = _ => 8 };
        var standing = new Option<int>("--standing-voices") { Description = "Standing waves sounding.", DefaultValueFactory = _ => 4 };
        var phantom = new Option<int>("--phantom-voices") { Description = "Phantom point sources sounding, moving.", DefaultValueFactory = _ => 0 };
        var lowestNote = new Option<int>("--lowest-note") { Description = "MIDI note of the first voice; the others go up by a semitone each (30 = 46 Hz; from 65, 349 Hz, wave voices read with cubic instead of linear interpolation).", DefaultValueFactory = _ => 30 };
        seconds.Positive();
        lowestNote.Within(0, 127);
        transducers.Within(1, 256);
        wave.Within(0, 64);
        standing.Within(0, 64);
        phantom.Within(0, 64);
        var engine = new Command("engine", "Render moving travelling waves, standing waves and phantom sources offline (default 8 + 4 on 32 channels); prints ns per frame and x real time.")
            { seconds, json, transducers, wave, standing, phantom, lowestNote };
        engine.SetAction(result => EngineBench.Run(result.GetValue(seconds), result.GetValue(json),
            new EngineBench.Setup(result.GetValue(transducers), result.GetValue(wave), result.GetValue(standing), result.GetValue(phantom), result.GetValue(lowestNote))));
        return engine;
    }

    /// <summary>The producer half of <c>bench ring</c>, run in a child process.</summary>
    public static Command CreateHiddenRingProducer()
    {
        var path = new Argument<string>("ring");
        var throughputSeconds = new Argument<double>("throughput-seconds");
        var latencySeconds = new Argument<double>("latency-seconds");
        var producer = new Command(RingProducerVerb) { path, throughputSeconds, latencySeconds };
        producer.Hidden = true;
        producer.SetAction(result => RingBenchProducer.Run(result.GetValue(path)!, result.GetValue(throughputSeconds), result.GetValue(latencySeconds)));
        return producer;
    }
}
