using System.Text;
using System.Text.Json;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>The published bundle, loaded and driven like a DAW: factory, classes, module info.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class PluginModuleTests(NativeModule module)
{
    [Fact]
    public void Factory_QueriedForEveryVersion_AnswersTheSameObject()
    {
        void* factory = module.Factory;
        void* f2 = Query(factory, Iids.IPluginFactory2);
        void* f3 = Query(factory, Iids.IPluginFactory3);
        Assert.True(f2 == factory && f3 == factory);
        Release(f2);
        Release(f3);
        void* none = HapticShm.Plugin.Com.NativeCalls.Query(factory, Iids.IComponent);
        Assert.True(none == null);
    }

    [Fact]
    public void GetClassInfo2_ListsInstrumentAndController()
    {
        void* factory = module.Factory;
        var vtbl = V<IPluginFactory3Vtbl>(factory);
        PFactoryInfo factoryInfo;
        Assert.Equal(VstResult.kResultOk, vtbl->getFactoryInfo(factory, &factoryInfo));
        Assert.Equal("HapticShm", Ascii(factoryInfo.vendor, 64));
        Assert.Equal(2, vtbl->countClasses(factory));

        PClassInfo2 processor, controller;
        Assert.Equal(VstResult.kResultOk, vtbl->getClassInfo2(factory, 0, &processor));
        Assert.Equal(VstResult.kResultOk, vtbl->getClassInfo2(factory, 1, &controller));
        Assert.Equal("Audio Module Class", Ascii(processor.category, 32));
        Assert.Equal("Instrument|Synth", Ascii(processor.subCategories, 128));
        Assert.Equal("Component Controller Class", Ascii(controller.category, 32));
        Assert.Equal(ClassIds.Processor.ToString(), processor.cid.ToString());

        PClassInfoW wide;
        Assert.Equal(VstResult.kResultOk, vtbl->getClassInfoUnicode(factory, 0, &wide));
        Assert.Equal("HapticShm", FixedStrings.ReadUtf16(wide.name, 64));
        Assert.Equal(VstResult.kInvalidArgument, vtbl->getClassInfo2(factory, 2, &processor));
    }

    [Fact]
    public void ModuleInfo_ClassesMatchTheFactory()
    {
        string path = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(module.BinaryPath))!, "Resources", "moduleinfo.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement[] classes = [.. json.RootElement.GetProperty("Classes").EnumerateArray()];

        void* factory = module.Factory;
        Assert.Equal(V<IPluginFactory3Vtbl>(factory)->countClasses(factory), classes.Length);
        for (int i = 0; i < classes.Length; i++)
        {
            PClassInfo2 info;
            V<IPluginFactory3Vtbl>(factory)->getClassInfo2(factory, i, &info);
            Assert.Equal(info.cid.ToString(), classes[i].GetProperty("CID").GetString());
            Assert.Equal(Ascii(info.category, 32), classes[i].GetProperty("Category").GetString());
            Assert.Equal(Ascii(info.name, 64), classes[i].GetProperty("Name").GetString());
        }
    }

    [Fact]
    public void CreateInstance_UnknownClass_ReturnsNoInterface()
    {
        void* factory = module.Factory;
        Tuid unknown = Tuid.FromWords(1, 2, 3, 4), iid = Iids.IComponent;
        void* result = (void*)1;
        Assert.Equal(VstResult.kNoInterface, V<IPluginFactory3Vtbl>(factory)->createInstance(factory, (byte*)&unknown, (byte*)&iid, &result));
        Assert.True(result == null);
    }

    [Fact]
    public void Component_AddRefAndRelease_CountReferences()
    {
        void* factory = module.Factory;
        Tuid cid = ClassIds.Processor, iid = Iids.IComponent;
        void* component = null;
        V<IPluginFactory3Vtbl>(factory)->createInstance(factory, (byte*)&cid, (byte*)&iid, &component);
        Assert.Equal(2u, AddRef(component));
        void* processor = Query(component, Iids.IAudioProcessor);
        Assert.True(processor != component);
        Assert.Equal(2u, Release(processor));
        Assert.Equal(1u, Release(component));
        Assert.Equal(0u, Release(component));
    }

    private static string Ascii(byte* text, int size)
    {
        var span = new ReadOnlySpan<byte>(text, size);
        int end = span.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }
}
