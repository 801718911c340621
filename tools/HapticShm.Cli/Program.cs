using System.CommandLine;
using HapticShm.Cli;
using HapticShm.Cli.Verbs;

var root = new RootCommand("HapticShm: drive a vibrotactile array from MIDI/MPE through shared memory.");
root.Subcommands.Add(DemoVerb.Create());
root.Subcommands.Add(ServerVerbs.Create());
root.Subcommands.Add(StatusVerb.Create());
root.Subcommands.Add(MonitorVerb.Create());
root.Subcommands.Add(SendVerbs.Create());
root.Subcommands.Add(PlayVerb.Create());
root.Subcommands.Add(RenderVerb.Create());
root.Subcommands.Add(DevicesVerb.Create());
root.Subcommands.Add(BenchVerbs.Create());
root.Subcommands.Add(MeasureVerbs.CreateSoak());
root.Subcommands.Add(MeasureVerbs.CreateChaos());
root.Subcommands.Add(BenchVerbs.CreateHiddenRingProducer());
return VerbErrors.Run(root, args);
