using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Tests.Native;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>The published HapticShm.clap as a CLAP host sees it before any processing: the entry,
/// the factory, the one descriptor, and every function pointer the plugin hands out.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapModuleTests(ClapBundle bundle)
{
    [Fact]
    public void Factory_HasOneInstrumentDescriptor_WithTheStableId()
    {
        ClapPluginFactory* factory = bundle.Module.Factory;
        Assert.True(factory->GetPluginCount != null && factory->GetPluginDescriptor != null && factory->CreatePlugin != null);
        Assert.Equal(1u, factory->GetPluginCount(factory));
        Assert.True(factory->GetPluginDescriptor(factory, 1) == null);
        ClapPluginDescriptor* descriptor = factory->GetPluginDescriptor(factory, 0);
        Assert.True(descriptor != null);
        Assert.Equal(1u, descriptor->ClapVersion.Major);
        byte** strings = &descriptor->Id;
        for (int i = 0; i < 8; i++) Assert.True(strings[i] != null, $"descriptor string {i} is null");
        Assert.Equal("org.hapticshm.hapticshm", Text(descriptor->Id));
        Assert.Equal("HapticShm", Text(descriptor->Name));
        Assert.Equal("1.0.0", Text(descriptor->Version));
        Assert.True(descriptor->Features != null);
        Assert.Equal("instrument", Text(descriptor->Features[0]));
        Assert.True(descriptor->Features[1] == null, "one feature only (no note-effect)");
    }

    [Fact]
    public void GetFactory_OtherIds_AndCreatePlugin_OtherIdOrNoHost_GiveNull()
    {
        fixed (byte* other = "clap.preset-discovery-factory\0"u8) Assert.True(bundle.Module.Entry->GetFactory(other) == null);
        Assert.True(bundle.Module.Entry->GetFactory(null) == null);
        ClapPluginFactory* factory = bundle.Module.Factory;
        using var host = new ClapTestHost();
        fixed (byte* wrong = "org.hapticshm.other\0"u8) Assert.True(factory->CreatePlugin(factory, host.Host, wrong) == null);
        fixed (byte* id = "org.hapticshm.hapticshm\0"u8) Assert.True(factory->CreatePlugin(factory, null, id) == null);
    }

    [Fact]
    public void EveryFunctionPointerThePluginHandsOut_IsNonNull()
    {
        using var plugin = new ClapTestPlugin(bundle.Module);
        ClapPlugin* p = plugin.Plugin;
        Assert.True(p->Desc == bundle.Module.Factory->GetPluginDescriptor(bundle.Module.Factory, 0));
        AssertAllNonNull((nint*)&p->Init, 10, "clap_plugin_t");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginNotePorts>(ClapIds.NotePorts), 2, "note-ports");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginAudioPorts>(ClapIds.AudioPorts), 2, "audio-ports");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginParams>(ClapIds.Params), 6, "params");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginState>(ClapIds.State), 2, "state");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginLatency>(ClapIds.Latency), 1, "latency");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginRender>(ClapIds.Render), 2, "render");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginGui>(ClapIds.Gui), 15, "gui");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginTimerSupport>(ClapIds.TimerSupport), 1, "timer-support");
        AssertAllNonNull((nint*)plugin.Extension<ClapPluginPosixFdSupport>(ClapIds.PosixFdSupport), 1, "posix-fd-support");
        Assert.True(plugin.Extension<byte>("clap.unknown\0"u8) == null);
        Assert.Contains("clap.thread-check", plugin.Host.ExtensionQueries);
    }

    [Fact]
    public void Ports_OneNoteInput_ClapPreferred_OneSilentStereoOutput_NoLatency()
    {
        using var plugin = new ClapTestPlugin(bundle.Module);
        ClapPluginNotePorts* notes = plugin.Extension<ClapPluginNotePorts>(ClapIds.NotePorts);
        Assert.Equal(1u, notes->Count(plugin.Plugin, 1));
        Assert.Equal(0u, notes->Count(plugin.Plugin, 0));
        ClapNotePortInfo noteInfo;
        Assert.Equal(1, notes->Get(plugin.Plugin, 0, 1, &noteInfo));
        Assert.Equal(0, notes->Get(plugin.Plugin, 1, 1, &noteInfo));
        Assert.Equal(0u, noteInfo.Id);
        Assert.Equal(ClapNotePortInfo.DialectClap | ClapNotePortInfo.DialectMidi | ClapNotePortInfo.DialectMidiMpe, noteInfo.SupportedDialects);
        Assert.Equal(ClapNotePortInfo.DialectClap, noteInfo.PreferredDialect);

        ClapPluginAudioPorts* audio = plugin.Extension<ClapPluginAudioPorts>(ClapIds.AudioPorts);
        Assert.Equal(0u, audio->Count(plugin.Plugin, 1));
        Assert.Equal(1u, audio->Count(plugin.Plugin, 0));
        ClapAudioPortInfo audioInfo;
        Assert.Equal(1, audio->Get(plugin.Plugin, 0, 0, &audioInfo));
        Assert.Equal(2u, audioInfo.ChannelCount);
        Assert.Equal("stereo", Text(audioInfo.PortType));
        Assert.True((audioInfo.Flags & ClapAudioPortInfo.IsMain) != 0);
        Assert.Equal(ClapIds.InvalidId, audioInfo.InPlacePair);

        Assert.Equal(0u, plugin.Extension<ClapPluginLatency>(ClapIds.Latency)->Get(plugin.Plugin));
    }

    private static void AssertAllNonNull(nint* functions, int count, string what)
    {
        Assert.True(functions != null, $"{what}: the extension is missing");
        for (int i = 0; i < count; i++) Assert.True(functions[i] != 0, $"{what}: function {i} is null");
    }

    internal static string Text(byte* text) => Marshal.PtrToStringUTF8((nint)text)!;
}
