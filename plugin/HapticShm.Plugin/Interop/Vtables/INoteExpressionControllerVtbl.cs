namespace HapticShm.Plugin.Interop;

/// <summary>Vst::INoteExpressionController.</summary>
internal unsafe struct INoteExpressionControllerVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, int, short, int> getNoteExpressionCount;
    public delegate* unmanaged[MemberFunction]<void*, int, short, int, NoteExpressionTypeInfo*, int> getNoteExpressionInfo;
    public delegate* unmanaged[MemberFunction]<void*, int, short, uint, double, char*, int> getNoteExpressionStringByValue;
    public delegate* unmanaged[MemberFunction]<void*, int, short, uint, char*, double*, int> getNoteExpressionValueByString;
}
