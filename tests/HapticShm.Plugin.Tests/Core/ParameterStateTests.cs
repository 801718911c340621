using System.Buffers.Binary;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;

namespace HapticShm.Plugin.Tests.Core;

public sealed class ParameterStateTests
{
    [Fact]
    public void SaveState_LoadedIntoNewProcessor_RestoresEveryParameter()
    {
        var first = new PluginProcessor();
        first.BeginBlock(0);
        first.AddParameterPoint(ParameterIds.WaveSpeed, 0, 0.25);
        first.AddParameterPoint(ParameterIds.Release, 0, 0.75);
        first.AddParameterPoint(ParameterIds.Routing, 0, 0.5);
        first.AddParameterPoint(ParameterIds.HapticOffset, 0, 0.2);
        first.EndBlock();

        var second = new PluginProcessor();
        Assert.True(second.LoadState(first.SaveState()));

        foreach (PluginParameter parameter in PluginParameters.All.Where(p => !p.IsHidden))
            Assert.Equal(first.GetNormalized(parameter.Id), second.GetNormalized(parameter.Id));
        Assert.Equal(0.25, second.GetNormalized(ParameterIds.WaveSpeed));
        Assert.Equal(0.2, second.GetNormalized(ParameterIds.HapticOffset));
        Assert.Equal(first.SaveState(), second.SaveState());
    }

    [Theory]
    [InlineData(0.0, 0.0)]    // by velocity
    [InlineData(0.5, 0.25)]   // wave: step 1 of 2 then, 1 of 4 now
    [InlineData(1.0, 0.5)]    // standing: step 2 of 2 then, 2 of 4 now
    public void TryRead_Version1_KeepsTheRoutingNotItsNormalizedNumber(double saved, double expected)
    {
        double[] values = ParameterState.Defaults();
        values[PluginParameters.IndexOf(ParameterIds.Routing)] = saved;
        values[PluginParameters.IndexOf(ParameterIds.WaveSpeed)] = 0.3;
        byte[] state = ParameterState.Write(values);
        BinaryPrimitives.WriteUInt32LittleEndian(state.AsSpan(4), 1);

        double[] read = ParameterState.Defaults();
        Assert.True(ParameterState.TryRead(state, read));
        double routing = read[PluginParameters.IndexOf(ParameterIds.Routing)];
        Assert.Equal(expected, routing);
        Assert.Equal(0.3, read[PluginParameters.IndexOf(ParameterIds.WaveSpeed)]);
    }

    [Fact]
    public void TryRead_NewerVersion_IsRefusedAndChangesNothing()
    {
        byte[] state = ParameterState.Write(ParameterState.Defaults());
        BinaryPrimitives.WriteUInt32LittleEndian(state.AsSpan(4), ParameterState.Version + 1);
        double[] values = ParameterState.Defaults();
        values[0] = 0.123;

        Assert.False(ParameterState.TryRead(state, values));
        Assert.Equal(0.123, values[0]);
    }

    [Fact]
    public void TryRead_UnknownParameterId_IsSkipped()
    {
        double[] source = ParameterState.Defaults();
        source[0] = 0.9;
        byte[] state = ParameterState.Write(source);
        BinaryPrimitives.WriteUInt32LittleEndian(state.AsSpan(12 + 12), 999); // second entry: unknown id
        double[] values = ParameterState.Defaults();

        Assert.True(ParameterState.TryRead(state, values));
        Assert.Equal(0.9, values[0]);
        Assert.Equal(ParameterState.Defaults()[1], values[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void ToPlain_ThenToNormalized_RoundTrips(double normalized)
    {
        foreach (PluginParameter parameter in PluginParameters.All.Where(p => p.StepCount == 0))
            Assert.Equal(normalized, parameter.ToNormalized(parameter.ToPlain(normalized)), 9);
    }
}
