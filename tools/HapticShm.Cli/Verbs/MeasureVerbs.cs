using System.CommandLine;
using HapticShm.Cli.Measure;

namespace HapticShm.Cli.Verbs;

/// <summary>Proof under load: <c>bench latency</c>, <c>soak</c> and <c>chaos</c>, each on its own
/// private server (and jackd) so a running server is never disturbed.</summary>
internal static class MeasureVerbs
{
    public static Command CreateLatency()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long to send notes, per block size.", DefaultValueFactory = _ => 10 };
        var block = new Option<int[]>("--block") { Description = "JACK period(s) to measure, e.g. 32, 64, 256 (repeat the option; default 64 and 256: 32 frames on the dummy driver mostly measures the machine's scheduler).", AllowMultipleArgumentsPerToken = true };
        var jackServer = new Option<string?>("--jack-server") { Description = "Measure on this running JACK server (at its period) instead of starting a private dummy jackd." };
        var json = new Option<bool>("--json") { Description = "Print JSON: one object with one --block, else an array." };
        seconds.Positive();
        block.Validators.Add(result =>
        {
            foreach (int size in OptionRules.TryGetValue(result, out int[]? sizes) ? sizes ?? [] : [])
                if (size < 16 || size > 4096 || (size & (size - 1)) != 0) result.AddError($"--block takes powers of two from 16 to 4096, not {size}");
        });
        var latency = new Command("latency", "Timestamp to onset heard through a JACK capture: p50/p99/max and jitter, in µs and samples.") { seconds, block, jackServer, json };
        latency.SetAction(result => LatencyBench.Run(result.GetValue(seconds), result.GetValue(block) ?? [], result.GetValue(jackServer), result.GetValue(json)));
        return latency;
    }

    public static Command CreateSoak()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to storm.", DefaultValueFactory = _ => 10 };
        var clients = new Option<int>("--clients") { Description = "Storming clients.", DefaultValueFactory = _ => 3 };
        var perMs = new Option<int>("--per-ms") { Description = "Commands per millisecond per client.", DefaultValueFactory = _ => 100 };
        var jackServer = new Option<string?>("--jack-server") { Description = "Use this JACK server (default: the default one if it answers, else a private dummy jackd, else the null backend)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        minutes.Positive();
        clients.Within(1, 15);
        perMs.Within(1, 10_000);
        var soak = new Command("soak", "Max polyphony and MPE storms from several clients; reports xruns, load, GCs, allocations and ring accounting.") { minutes, clients, perMs, jackServer, json };
        soak.SetAction(result => SoakRun.Run(result.GetValue(minutes), result.GetValue(clients), result.GetValue(perMs), result.GetValue(jackServer), result.GetValue(json)));
        return soak;
    }

    public static Command CreateChaos()
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds of kill -9 server, kill -9 client, corrupt ring.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        rounds.Positive();
        var chaos = new Command("chaos", "Kill the server and clients and corrupt a live ring; measures notice, recovery and silence, and checks the output stays finite.") { rounds, json };
        chaos.SetAction(result => ChaosRun.Run(result.GetValue(rounds), result.GetValue(json)));
        return chaos;
    }
}
