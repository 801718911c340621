namespace HapticShm.Plugin.Interop;

/// <summary>IBStream (ibstream.h): the host's state stream.</summary>
internal unsafe struct IBStreamVtbl
{
    public const int kIBSeekSet = 0;
    public const int kIBSeekCur = 1;
    public const int kIBSeekEnd = 2;
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, void*, int, int*, int> read;
    public delegate* unmanaged[MemberFunction]<void*, void*, int, int*, int> write;
    public delegate* unmanaged[MemberFunction]<void*, long, int, long*, int> seek;
    public delegate* unmanaged[MemberFunction]<void*, long*, int> tell;
}
