namespace HapticShm.Plugin.Com;

/// <summary>What an interface pointer we hand out points at: the vtable first (as C++ expects),
/// then the GCHandle of the managed object that implements it.</summary>
internal unsafe struct ComSlot
{
    public void* Vtbl;
    public nint Handle;
}
