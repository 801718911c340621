using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>clap.params and clap.state of the published plugin, against the VST3 of the same
/// library: the same parameters, and state bytes that move between the two formats unchanged.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapParamsStateTests(ClapBundle bundle, NativeModule vst3)
{
    [Fact]
    public void Params_AreTheVst3PersistentParameters_InPlainValues()
    {
        using var plugin = new ClapTestPlugin(bundle.Module);
        ClapPluginParams* parameters = plugin.Extension<ClapPluginParams>(ClapIds.Params);
        Assert.Equal((uint)PluginParameters.PersistentCount, parameters->Count(plugin.Plugin));
        ClapParamInfo info;
        Assert.Equal(0, parameters->GetInfo(plugin.Plugin, (uint)PluginParameters.PersistentCount, &info));
        for (int i = 0; i < PluginParameters.PersistentCount; i++)
        {
            PluginParameter expected = PluginParameters.All[i];
            Assert.Equal(1, parameters->GetInfo(plugin.Plugin, (uint)i, &info));
            Assert.Equal(expected.Id, info.Id);
            Assert.Equal(expected.Title, ClapModuleTests.Text(info.Name));
            Assert.Equal(expected.Min, info.MinValue);
            Assert.Equal(expected.Max, info.MaxValue);
            Assert.Equal(expected.DefaultPlain, info.DefaultValue);
            Assert.True((info.Flags & ClapParamInfo.IsAutomatable) != 0, $"{expected.Title} is automatable in the VST3");
            Assert.True((info.Flags & ClapParamInfo.IsHidden) == 0);
            Assert.Equal(expected.IsBypass, (info.Flags & ClapParamInfo.IsBypass) != 0);
            Assert.Equal(expected.StepCount > 0, (info.Flags & ClapParamInfo.IsStepped) != 0);
            Assert.Equal(expected.DefaultPlain, plugin.GetValue(expected.Id));
        }
        double value;
        Assert.Equal(0, parameters->GetValue(plugin.Plugin, ParameterIds.Midi(0, MidiControl.PitchBend), &value));
    }

    [Fact]
    public void Flush_SetsValues_ThatGetValueAndTextGiveBack()
    {
        using var plugin = new ClapTestPlugin(bundle.Module);
        plugin.Flush((ParameterIds.WaveSpeed, 76), (ParameterIds.Routing, 2), (ParameterIds.HapticOffset, 120), (ParameterIds.Bypass, 1));
        Assert.Equal(76, plugin.GetValue(ParameterIds.WaveSpeed), 9);
        Assert.Equal(2, plugin.GetValue(ParameterIds.Routing));
        Assert.Equal(120, plugin.GetValue(ParameterIds.HapticOffset), 9);
        Assert.Equal(1, plugin.GetValue(ParameterIds.Bypass));
        plugin.Flush((ParameterIds.Bypass, 0), (9999u, 1), (ParameterIds.Attack, double.NaN));
        Assert.Equal(0, plugin.GetValue(ParameterIds.Bypass));
        Assert.Equal(PluginParameters.All[PluginParameters.IndexOf(ParameterIds.Attack)].DefaultPlain, plugin.GetValue(ParameterIds.Attack));

        ClapPluginParams* parameters = plugin.Extension<ClapPluginParams>(ClapIds.Params);
        byte* text = stackalloc byte[64];
        foreach (uint id in new[] { ParameterIds.WaveSpeed, ParameterIds.Routing, ParameterIds.HapticOffset })
        {
            double plain = plugin.GetValue(id);
            Assert.Equal(1, parameters->ValueToText(plugin.Plugin, id, plain, text, 64));
            double parsed;
            Assert.Equal(1, parameters->TextToValue(plugin.Plugin, id, text, &parsed));
            Assert.Equal(plain, parsed, 2);
        }
        Assert.Equal(1, parameters->ValueToText(plugin.Plugin, ParameterIds.Bypass, 1, text, 64));
        Assert.Equal("On", ClapModuleTests.Text(text));
        Assert.Equal(0, parameters->ValueToText(plugin.Plugin, 9999, 1, text, 64));
    }

    [Fact]
    public void State_SavedInChunks_LoadsIntoANewInstance_AndTellsTheHostOnItsMainThread()
    {
        using var streams = new ClapTestStreams(chunk: 7);
        using var first = new ClapTestPlugin(bundle.Module);
        first.Flush((ParameterIds.WaveSpeed, 33.25), (ParameterIds.Ceiling, 0.4), (ParameterIds.HapticOffset, -20));
        byte[] saved = first.SaveState(streams);
        Assert.Equal(ParameterState.Size, saved.Length);

        using var second = new ClapTestPlugin(bundle.Module);
        Assert.NotEqual(saved, second.SaveState(streams));
        Assert.True(second.LoadState(streams, saved));
        Assert.Equal(saved, second.SaveState(streams));
        Assert.Equal(33.25, second.GetValue(ParameterIds.WaveSpeed), 9);
        Assert.Equal(-20, second.GetValue(ParameterIds.HapticOffset), 9);
        Assert.Contains($"params.rescan({ClapHostParams.RescanValues})", second.Host.Calls);

        Assert.False(second.LoadState(streams, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
        Assert.Equal(saved, second.SaveState(streams)); // a refused state changes nothing
        Assert.Empty(first.Host.Violations);
        Assert.Empty(second.Host.Violations);
    }

    [Fact]
    public void Vst3State_LoadsIntoClap_AndClapState_IntoVst3_BytesEqual()
    {
        double[] values = ParameterState.Defaults();
        values[PluginParameters.IndexOf(ParameterIds.WaveSpeed)] = 0.8;
        values[PluginParameters.IndexOf(ParameterIds.Release)] = 0.3;
        values[PluginParameters.IndexOf(ParameterIds.HapticOffset)] = 0.25;
        using var vst3Plugin = new PluginInstance(vst3);
        Assert.Equal(VstResult.kResultOk, vst3Plugin.SetState(ParameterState.Write(values)));
        byte[] fromVst3 = vst3Plugin.GetState();

        using var streams = new ClapTestStreams(chunk: 5);
        using var clap = new ClapTestPlugin(bundle.Module);
        Assert.True(clap.LoadState(streams, fromVst3));
        Assert.Equal(fromVst3, clap.SaveState(streams));
        PluginParameter release = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.Release)];
        Assert.Equal(release.ToPlain(0.3), clap.GetValue(ParameterIds.Release), 9);

        clap.Flush((ParameterIds.Routing, 1), (ParameterIds.Attack, 0.05));
        byte[] fromClap = clap.SaveState(streams);
        Assert.NotEqual(fromVst3, fromClap);
        Assert.Equal(VstResult.kResultOk, vst3Plugin.SetState(fromClap));
        Assert.Equal(fromClap, vst3Plugin.GetState());
    }

    [Fact]
    public void ThreadCheck_CallsOnTheWrongThread_AreRefused()
    {
        using var streams = new ClapTestStreams();
        using var plugin = new ClapTestPlugin(bundle.Module);
        // activate is [main-thread]: from the audio thread it is refused.
        Assert.Equal(0, plugin.Audio.Run(() => plugin.Plugin->Activate(plugin.Plugin, 48000, 1, 64)));
        // state is [main-thread] too.
        Assert.Equal(0, plugin.Audio.Run(() => plugin.Extension<ClapPluginState>(ClapIds.State)->Save(plugin.Plugin, streams.Out)));
        Assert.Empty(streams.Written);
        // Inactive: process is an error whatever the thread.
        Assert.Equal(ClapProcessStatus.Error, plugin.Process());
        Assert.Empty(plugin.Host.Violations);
    }
}
