using System.Runtime.CompilerServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>Sizes and offsets of the VST3 structs as the C++ compiler lays them out on Linux x64
/// (natural alignment), so a field slip cannot hide on both sides of our own host.</summary>
public sealed unsafe class InteropLayoutTests
{
    [Fact]
    public void Structs_HaveTheSdkSizes()
    {
        Assert.Equal(48, sizeof(Event));
        Assert.Equal(80, sizeof(ProcessData));
        Assert.Equal(24, sizeof(ProcessSetup));
        Assert.Equal(24, sizeof(AudioBusBuffers));
        Assert.Equal(276, sizeof(BusInfo));
        Assert.Equal(792, sizeof(ParameterInfo));
        Assert.Equal(452, sizeof(PFactoryInfo));
        Assert.Equal(116, sizeof(PClassInfo));
        Assert.Equal(440, sizeof(PClassInfo2));
        Assert.Equal(696, sizeof(PClassInfoW));
        Assert.Equal(816, sizeof(NoteExpressionTypeInfo));
        Assert.Equal(20, sizeof(NoteOnEvent));
        Assert.Equal(112, sizeof(ProcessContext));
    }

    [Fact]
    public void Fields_HaveTheSdkOffsets()
    {
        var parameter = default(ParameterInfo);
        Assert.Equal(776, Offset(ref parameter, ref parameter.defaultNormalizedValue));
        var data = default(ProcessData);
        Assert.Equal(24, Offset(ref data, ref Unsafe.AsRef<nint>(&data.inputs)));
        Assert.Equal(56, Offset(ref data, ref Unsafe.AsRef<nint>(&data.inputEvents)));
        var buffers = default(AudioBusBuffers);
        Assert.Equal(8, Offset(ref buffers, ref buffers.silenceFlags));
        var e = default(Event);
        Assert.Equal(18, Offset(ref e, ref e.type));
        Assert.Equal(24, Offset(ref e, ref e.noteOn.channel));
        var context = default(ProcessContext);
        Assert.Equal(8, Offset(ref context, ref context.sampleRate));
        Assert.Equal(24, Offset(ref context, ref context.systemTime));
        Assert.Equal(32, Offset(ref context, ref context.continousTimeSamples));
        Assert.Equal(88, Offset(ref context, ref context.chord));
        Assert.Equal(104, Offset(ref context, ref context.samplesToNextClock));
        var info = default(PClassInfo2);
        Assert.Equal(116, Offset(ref info, ref info.classFlags));
    }

    [Fact]
    public void Iid_OnLinux_IsTheDeclaredWordsBigEndian()
    {
        Assert.Equal("E831FF31F2D54301928EBBEE25697802", Iids.IComponent.ToString());
    }

    private static int Offset<TStruct, TField>(ref TStruct owner, ref TField field) =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref owner), ref Unsafe.As<TField, byte>(ref field));
}
