using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>clap_ostream_t into a byte list and clap_istream_t from a byte array, each moving at
/// most <see cref="Chunk"/> bytes per call (a host may).</summary>
internal sealed unsafe class ClapTestStreams : IDisposable
{
    private readonly List<byte> _written = [];
    private byte[] _toRead = [];
    private int _readPosition;
    private GCHandle _self;

    public ClapTestStreams(int chunk = 7)
    {
        Chunk = chunk;
        _self = GCHandle.Alloc(this);
        Out = (ClapOStream*)NativeMemory.AllocZeroed((nuint)sizeof(ClapOStream));
        Out->Ctx = (void*)GCHandle.ToIntPtr(_self);
        Out->Write = &Write;
        In = (ClapIStream*)NativeMemory.AllocZeroed((nuint)sizeof(ClapIStream));
        In->Ctx = (void*)GCHandle.ToIntPtr(_self);
        In->Read = &Read;
    }

    public int Chunk { get; }

    public ClapOStream* Out { get; }

    public ClapIStream* In { get; }

    public byte[] Written => [.. _written];

    public void SetInput(byte[] bytes)
    {
        _toRead = bytes;
        _readPosition = 0;
    }

    public void ClearOutput() => _written.Clear();

    private static ClapTestStreams Of(void* ctx) => (ClapTestStreams)GCHandle.FromIntPtr((nint)ctx).Target!;

    [UnmanagedCallersOnly]
    private static long Write(ClapOStream* stream, void* buffer, ulong size)
    {
        ClapTestStreams self = Of(stream->Ctx);
        int n = (int)Math.Min(size, (ulong)self.Chunk);
        self._written.AddRange(new ReadOnlySpan<byte>(buffer, n));
        return n;
    }

    [UnmanagedCallersOnly]
    private static long Read(ClapIStream* stream, void* buffer, ulong size)
    {
        ClapTestStreams self = Of(stream->Ctx);
        int n = (int)Math.Min(Math.Min(size, (ulong)self.Chunk), (ulong)(self._toRead.Length - self._readPosition));
        self._toRead.AsSpan(self._readPosition, n).CopyTo(new Span<byte>(buffer, n));
        self._readPosition += n;
        return n;
    }

    public void Dispose()
    {
        if (!_self.IsAllocated) return;
        _self.Free();
        NativeMemory.Free(Out);
        NativeMemory.Free(In);
    }
}
