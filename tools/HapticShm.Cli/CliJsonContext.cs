using System.Text.Json.Serialization;
using HapticShm.Cli.Bench;
using HapticShm.Cli.Measure;
using HapticShm.Cli.Render;
using HapticShm.Cli.Status;

namespace HapticShm.Cli;

/// <summary>Source-generated JSON for every <c>--json</c> output (camelCase, one object).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RingBenchResult))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(RenderSummary))]
[JsonSerializable(typeof(StartupBenchResult))]
[JsonSerializable(typeof(EngineBenchResult))]
[JsonSerializable(typeof(LatencyBenchResult))]
[JsonSerializable(typeof(List<LatencyBenchResult>))]
[JsonSerializable(typeof(SoakResult))]
[JsonSerializable(typeof(ChaosResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
