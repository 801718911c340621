namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IMessage (ivstmessage.h).</summary>
internal unsafe struct IMessageVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, byte*> getMessageID;
    public delegate* unmanaged[MemberFunction]<void*, byte*, void> setMessageID;
    public delegate* unmanaged[MemberFunction]<void*, void*> getAttributes;
}
