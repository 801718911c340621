using HapticShm.Plugin.Clap;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>clap.render offline (a bounce) behaves as the VST3's kOffline: the note sounding is
/// released, notes of the bounce are not sent, and back in real time the parameters are re-sent.
/// The managed build of the CLAP code, on a ring of the test's.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapRenderTests : IDisposable
{
    private readonly TempRing _ring = new(capacity: 1 << 16);

    [Fact]
    public void OfflineRender_SendsNothing_ReleasesWhatSounds_RealtimeResendsParameters()
    {
        _ring.OfferToPlugin();
        delegate* unmanaged<byte*, void*> getFactory = &ClapEntryExports.GetFactory;
        ClapPluginFactory* factory;
        fixed (byte* id = "clap.plugin-factory\0"u8) factory = (ClapPluginFactory*)getFactory(id);
        using var plugin = new ClapTestPlugin(factory);
        ClapPluginRender* render = plugin.Extension<ClapPluginRender>(ClapIds.Render);
        Assert.Equal(0, render->HasHardRealtimeRequirement(plugin.Plugin));
        plugin.Activate();
        plugin.Events.NoteOn(0, 1, 0, 60, 0.8);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        Assert.Contains(_ring.Drain(), c => c.Kind == CommandKind.NoteOn);

        Assert.Equal(1, render->Set(plugin.Plugin, ClapPluginRender.Offline));
        Assert.Equal(0, render->Set(plugin.Plugin, 7));
        plugin.Events.NoteOn(0, 2, 0, 62, 0.8);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        Assert.Equal([CommandKind.NoteOff], _ring.Drain().Select(c => c.Kind)); // what sounded stops; the bounce's note is not sent

        Assert.Equal(1, render->Set(plugin.Plugin, ClapPluginRender.Realtime));
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        List<Command> back = _ring.Drain();
        Assert.NotEmpty(back);
        Assert.All(back, c => Assert.Equal(CommandKind.Param, c.Kind)); // parameters again, no note of the bounce
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    public void Dispose() => _ring.Dispose();
}
