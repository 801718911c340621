using System.Diagnostics;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>The editor's view model on a live server: the native plugin plays a bent note, the
/// bundled server renders and publishes it, and the view model read from the status block shows
/// the source where the bend put it and the array louder next to it.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class EditorLiveTests(PrivateBundle bundle)
{
    [Fact]
    public void ViewModel_ShowsTheSourceOfANoteThePluginPlays()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        using var plugin = new PluginInstance(bundle.Module);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 1, "the plugin launched a server and connected");

        // Tuning +24 semitones = half the 48-semitone MPE bend range: x = centre + 0.5 * 0.20 m.
        using var play = new ProcessCall(64, ProcessData.kSample32);
        play.Events.NoteOn(1, 2, 60, 0.3f, noteId: 5); // soft: a travelling wave
        play.Events.Expression(2, NoteExpressionTypeInfo.kTuningTypeID, 5, 0.5 + 24.0 / 240.0);
        using var idle = new ProcessCall(64, ProcessData.kSample32);
        Assert.Equal(VstResult.kResultOk, play.Run(plugin.Processor, out _));

        using var reader = new StatusReader(bundle.StatusPath);
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(800, 400);
        double[] values = ParameterState.Defaults();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _)); // heartbeats: the note keeps sounding
            long now = MonotonicClock.NowNs();
            bool read = reader.TryRead(now);
            model.Update(reader.Snapshot, read, new EditorConnectionInput(true, 1, null, 0), values, now);
            if (model.SourceCount == 1 && model.TransducerCount == 32 && Math.Abs(model.SourceX[0] - 0.275f) < 1e-3f && model.Levels[13] > 0.05f) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the editor never saw the bent note (sources {model.SourceCount}, x {(model.SourceCount > 0 ? model.SourceX[0] : float.NaN)}, transducers {model.TransducerCount})\n{bundle.ServerLog()}");
            Thread.Sleep(5);
        }

        Assert.Equal(EditorConnectionState.Connected, model.Connection);
        Assert.Equal(VoiceSourceKind.Wave, model.SourceKind[0]);
        Assert.Equal(0.275f, model.SourceX[0], 3);
        Assert.Equal(0.075f, model.SourceY[0], 3);
        Assert.StartsWith("Ring: fill ", model.RingText.ToString(), StringComparison.Ordinal);
        // Transducer 13 (0.25, 0.05) sits next to the source, 0 (0, 0) farthest: 1/d attenuation.
        Assert.True(model.Levels[13] > 3 * model.Levels[0], $"level next to the source {model.Levels[13]}, far corner {model.Levels[0]}");
        plugin.Stop();
    }
}
