using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>The host's IBStream over a MemoryStream (project save / load).</summary>
internal sealed unsafe class TestStream : ComObject
{
    private static readonly IBStreamVtbl* Vtbl = CreateVtbl();

    public TestStream(byte[]? contents = null) : base([(nint)Vtbl])
    {
        if (contents is not null) Stream.Write(contents);
        Stream.Position = 0;
    }

    public MemoryStream Stream { get; } = new();

    public void* Pointer => Interface(0);

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IBStream.Matches(iid) ? 0 : -1;

    private static IBStreamVtbl* CreateVtbl()
    {
        var vtbl = (IBStreamVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IBStreamVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->read = &Read;
        vtbl->write = &Write;
        vtbl->seek = &Seek;
        vtbl->tell = &Tell;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Read(void* self, void* buffer, int count, int* read)
    {
        int n = From<TestStream>(self).Stream.Read(new Span<byte>(buffer, count));
        if (read != null) *read = n;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Write(void* self, void* buffer, int count, int* written)
    {
        From<TestStream>(self).Stream.Write(new ReadOnlySpan<byte>(buffer, count));
        if (written != null) *written = count;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Seek(void* self, long position, int mode, long* result)
    {
        long at = From<TestStream>(self).Stream.Seek(position, (SeekOrigin)mode);
        if (result != null) *result = at;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Tell(void* self, long* position)
    {
        *position = From<TestStream>(self).Stream.Position;
        return VstResult.kResultOk;
    }
}
