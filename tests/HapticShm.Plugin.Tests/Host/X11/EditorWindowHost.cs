using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Window;
using SkiaSharp;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// A DAW's editor window for one plugin instance: createView("editor") on the controller, setFrame
/// with <see cref="TestPlugFrame"/>, attached into a real top-level X11 window of the test's own
/// connection, frames driven by the test, the editor's child window captured with XGetImage.
/// </summary>
internal sealed unsafe class EditorWindowHost : IDisposable
{
    public const int Width = 760, Height = 440;
    private readonly PluginInstance _plugin;
    private readonly NativeModule _module;
    private void* _view;

    public EditorWindowHost(PluginInstance plugin, NativeModule module)
    {
        _plugin = plugin;
        _module = module;
        X11 = new X11Client(Width, Height);
        Frame = new TestPlugFrame();
        Handler = new TestComponentHandler();
        void* controller = plugin.Controller;
        Assert.Equal(VstResult.kResultOk, V<IEditControllerVtbl>(controller)->setComponentHandler(controller, Handler.Pointer));
    }

    public X11Client X11 { get; }

    public TestPlugFrame Frame { get; }

    public TestComponentHandler Handler { get; }

    /// <summary>The editor's own X window (a child of ours) while attached.</summary>
    public nuint EditorWindow { get; private set; }

    public void* View => _view;

    /// <summary>createView, setFrame, attached; the editor's child window must appear.</summary>
    public void Open() => Assert.Equal(VstResult.kResultOk, TryOpen());

    /// <summary>createView, setFrame, attached (to <paramref name="parent"/>, by default the test's
    /// window): attached's result (kResultOk with the child window found).</summary>
    public int TryOpen(nuint parent = 0)
    {
        void* controller = _plugin.Controller;
        byte* name = stackalloc byte[] { (byte)'e', (byte)'d', (byte)'i', (byte)'t', (byte)'o', (byte)'r', 0 };
        _view = V<IEditControllerVtbl>(controller)->createView(controller, name);
        Assert.True(_view != null, "createView(\"editor\") returned null");
        IPlugViewVtbl* vtbl = V<IPlugViewVtbl>(_view);
        byte[] type = "X11EmbedWindowID\0"u8.ToArray();
        fixed (byte* t = type)
        {
            Assert.Equal(VstResult.kResultTrue, vtbl->isPlatformTypeSupported(_view, t));
            Assert.Equal(VstResult.kResultOk, vtbl->setFrame(_view, Frame.Pointer));
            var size = new ViewRect { right = Width, bottom = Height };
            Assert.Equal(VstResult.kResultOk, vtbl->onSize(_view, &size));
            int attached = vtbl->attached(_view, (void*)(parent != 0 ? parent : X11.Window), t);
            if (attached != VstResult.kResultOk) return attached;
        }
        nuint[] children = X11.Children();
        Assert.Single(children);
        EditorWindow = children[0];
        Assert.True(Frame.HasEventHandler && Frame.HasTimer, "the editor registered no descriptor or no timer with the run loop");
        return VstResult.kResultOk;
    }

    /// <summary>IPlugView::getSize.</summary>
    public ViewRect Size()
    {
        ViewRect size;
        Assert.Equal(VstResult.kResultOk, V<IPlugViewVtbl>(_view)->getSize(_view, &size));
        return size;
    }

    /// <summary>removed, setFrame(null), release the view.</summary>
    public void Close()
    {
        if (_view == null) return;
        IPlugViewVtbl* vtbl = V<IPlugViewVtbl>(_view);
        Assert.Equal(VstResult.kResultOk, vtbl->removed(_view));
        Assert.Equal(VstResult.kResultOk, vtbl->setFrame(_view, null));
        Release(_view);
        _view = null;
        EditorWindow = 0;
    }

    /// <summary><paramref name="count"/> frames (input, then a timer tick).</summary>
    public void Frames(int count)
    {
        for (int i = 0; i < count; i++) Frame.Frame();
    }

    /// <summary>The editor window's pixels (0xAARRGGBB).</summary>
    public uint[] Capture() => X11.Capture(EditorWindow, Width, Height);

    /// <summary>The editor window's pixels at another size.</summary>
    public uint[] Capture(int width, int height) => X11.Capture(EditorWindow, width, height);

    public static SKColor At(uint[] pixels, float x, float y, int width = Width) => new(pixels[(int)y * width + (int)x]);

    /// <summary>The plugin's editor figures (see <see cref="EditorDiagnosticsData"/>).</summary>
    public EditorDiagnosticsData Diagnostics(bool collect = false)
    {
        var read = (delegate* unmanaged<EditorDiagnosticsData*, int, int>)_module.Export("HapticShm_EditorDiagnostics");
        EditorDiagnosticsData data;
        Assert.Equal(0, read(&data, collect ? 1 : 0));
        return data;
    }

    public static void SavePng(uint[] pixels, string path)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        fixed (uint* source = pixels)
            Buffer.MemoryCopy(source, (void*)bitmap.GetPixels(), (long)Width * Height * 4, (long)Width * Height * 4);
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, png.ToArray());
    }

    public void Dispose()
    {
        Close();
        void* controller = _plugin.Controller;
        V<IEditControllerVtbl>(controller)->setComponentHandler(controller, null);
        Handler.Release();
        Frame.Release();
        X11.Dispose();
    }
}
