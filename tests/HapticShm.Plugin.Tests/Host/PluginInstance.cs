using HapticShm.Plugin.Interop;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// One plugin instance set up the way a DAW does it: create the component, initialize it with
/// the host context, ask it for its controller class, create and initialize that, connect the
/// two connection points, hand the component state to the controller.
/// </summary>
internal sealed unsafe class PluginInstance : IDisposable
{
    private readonly TestHostApplication _host = new();
    private void* _componentConnection;
    private void* _controllerConnection;

    private TestConnectionProxy? _componentProxy;
    private TestConnectionProxy? _controllerProxy;

    public PluginInstance(NativeModule module, bool throughProxies = false) : this(module.Factory, throughProxies)
    {
    }

    /// <param name="factory">An IPluginFactory: the published library's, or the managed build's.</param>
    /// <param name="throughProxies">Connect component and controller through host proxies
    /// (<see cref="TestConnectionProxy"/>) instead of to each other.</param>
    public PluginInstance(void* factory, bool throughProxies = false)
    {
        void* component = null;
        Tuid processorId = ClassIds.Processor, componentIid = Iids.IComponent;
        Assert.Equal(VstResult.kResultOk, V<IPluginFactory3Vtbl>(factory)->createInstance(factory, (byte*)&processorId, (byte*)&componentIid, &component));
        Component = component;
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(Component)->initialize(Component, _host.Pointer));

        Tuid controllerId = default;
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(Component)->getControllerClassId(Component, &controllerId));
        Tuid controllerIid = Iids.IEditController;
        void* controller = null;
        Assert.Equal(VstResult.kResultOk, V<IPluginFactory3Vtbl>(factory)->createInstance(factory, (byte*)&controllerId, (byte*)&controllerIid, &controller));
        Controller = controller;
        Assert.Equal(VstResult.kResultOk, V<IEditControllerVtbl>(Controller)->initialize(Controller, _host.Pointer));

        Processor = Query(Component, Iids.IAudioProcessor);
        _componentConnection = Query(Component, Iids.IConnectionPoint);
        _controllerConnection = Query(Controller, Iids.IConnectionPoint);
        if (throughProxies)
        {
            _componentProxy = new TestConnectionProxy(_componentConnection);
            _controllerProxy = new TestConnectionProxy(_controllerConnection);
            Assert.Equal(VstResult.kResultOk, _componentProxy.Connect(_controllerConnection));
            Assert.Equal(VstResult.kResultOk, _controllerProxy.Connect(_componentConnection));
            return;
        }
        Assert.Equal(VstResult.kResultOk, V<IConnectionPointVtbl>(_componentConnection)->connect(_componentConnection, _controllerConnection));
        Assert.Equal(VstResult.kResultOk, V<IConnectionPointVtbl>(_controllerConnection)->connect(_controllerConnection, _componentConnection));
    }

    public void* Component { get; }

    public void* Processor { get; }

    public void* Controller { get; }

    public void Setup(double sampleRate, int maxBlock, int sampleSize)
    {
        var setup = new ProcessSetup { processMode = 0, symbolicSampleSize = sampleSize, maxSamplesPerBlock = maxBlock, sampleRate = sampleRate };
        Assert.Equal(VstResult.kResultOk, V<IAudioProcessorVtbl>(Processor)->canProcessSampleSize(Processor, sampleSize));
        Assert.Equal(VstResult.kResultOk, V<IAudioProcessorVtbl>(Processor)->setupProcessing(Processor, &setup));
    }

    public void Start()
    {
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(Component)->setActive(Component, 1));
        Assert.Equal(VstResult.kResultOk, V<IAudioProcessorVtbl>(Processor)->setProcessing(Processor, 1));
    }

    public void Stop()
    {
        Assert.Equal(VstResult.kResultOk, V<IAudioProcessorVtbl>(Processor)->setProcessing(Processor, 0));
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(Component)->setActive(Component, 0));
    }

    public byte[] GetState()
    {
        var stream = new TestStream();
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(Component)->getState(Component, stream.Pointer));
        byte[] bytes = stream.Stream.ToArray();
        stream.Release();
        return bytes;
    }

    public int SetState(byte[] bytes)
    {
        var stream = new TestStream(bytes);
        int result = V<IComponentVtbl>(Component)->setState(Component, stream.Pointer);
        stream.Release();
        return result;
    }

    public int SetComponentStateOnController(byte[] bytes)
    {
        var stream = new TestStream(bytes);
        int result = V<IEditControllerVtbl>(Controller)->setComponentState(Controller, stream.Pointer);
        stream.Release();
        return result;
    }

    public void Dispose()
    {
        if (_componentProxy is not null && _controllerProxy is not null)
        {
            _componentProxy.Disconnect();
            _controllerProxy.Disconnect();
            _componentProxy.Release();
            _controllerProxy.Release();
        }
        else
        {
            V<IConnectionPointVtbl>(_componentConnection)->disconnect(_componentConnection, _controllerConnection);
            V<IConnectionPointVtbl>(_controllerConnection)->disconnect(_controllerConnection, _componentConnection);
        }
        Release(_componentConnection);
        Release(_controllerConnection);
        V<IEditControllerVtbl>(Controller)->terminate(Controller);
        V<IComponentVtbl>(Component)->terminate(Component);
        Release(Processor);
        Release(Controller);
        Release(Component);
        _host.Release();
    }
}
