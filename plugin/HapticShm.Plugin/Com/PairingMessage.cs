using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>
/// The IMessage a component or controller sends its peer when the host connects them, carrying
/// the sender itself. Hosts built on the SDK's hosting helpers connect the two through proxies that
/// forward notify() unchanged, so the receiver recognises our own message object and both sides of
/// one instance find each other in-process without parsing messages or blocking.
/// </summary>
internal sealed unsafe class PairingMessage : ComObject
{
    public const string Id = "HapticShm.Pair";
    private static readonly IMessageVtbl* Vtbl = CreateVtbl();
    private static readonly byte* IdUtf8 = CreateId();

    public PairingMessage(ComObject sender) : base([(nint)Vtbl]) => Sender = sender;

    /// <summary>The component or controller that sent it.</summary>
    public ComObject Sender { get; }

    /// <summary>The sender when <paramref name="message"/> is one of ours, else null.</summary>
    public static ComObject? SenderOf(void* message) =>
        message != null && NativeCalls.Vtbl<IMessageVtbl>(message) == Vtbl ? From<PairingMessage>(message).Sender : null;

    /// <summary>Sends a pairing message from <paramref name="sender"/> to the connection point <paramref name="other"/>.</summary>
    public static void Send(ComObject sender, void* other)
    {
        var message = new PairingMessage(sender);
        try { NativeCalls.Vtbl<IConnectionPointVtbl>(other)->notify(other, message.Interface(0)); }
        finally { message.Release(); }
    }

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IMessage.Matches(iid) ? 0 : -1;

    private static IMessageVtbl* CreateVtbl()
    {
        var vtbl = (IMessageVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IMessageVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->getMessageID = &GetMessageId;
        vtbl->setMessageID = &SetMessageId;
        vtbl->getAttributes = &GetAttributes;
        return vtbl;
    }

    private static byte* CreateId()
    {
        byte* id = (byte*)NativeMemory.AllocZeroed((nuint)Id.Length + 1);
        for (int i = 0; i < Id.Length; i++) id[i] = (byte)Id[i];
        return id;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static byte* GetMessageId(void* self) => IdUtf8;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void SetMessageId(void* self, byte* id)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void* GetAttributes(void* self) => null;
}
