using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>
/// A managed object exposed to the host as a VST3 (COM-style) object. Each implemented
/// interface family gets a <see cref="ComSlot"/> in one native block (NativeMemory), all
/// pointing back at this object through one GCHandle; queryInterface returns the slot for the
/// iid. Reference counted: created with one reference, and at zero the handle and the native
/// block are freed and <see cref="OnFinalRelease"/> runs.
/// </summary>
internal abstract unsafe class ComObject
{
    private readonly ComSlot* _slots;
    private readonly int _slotCount;
    private GCHandle _handle;
    private int _refCount = 1;

    protected ComObject(ReadOnlySpan<nint> vtables)
    {
        _handle = GCHandle.Alloc(this);
        _slotCount = vtables.Length;
        _slots = (ComSlot*)NativeMemory.AllocZeroed((nuint)(vtables.Length * sizeof(ComSlot)));
        for (int i = 0; i < vtables.Length; i++)
        {
            _slots[i].Vtbl = (void*)vtables[i];
            _slots[i].Handle = GCHandle.ToIntPtr(_handle);
        }
    }

    /// <summary>Current reference count (for tests and diagnostics).</summary>
    public int RefCount => Volatile.Read(ref _refCount);

    /// <summary>The interface pointer of slot <paramref name="slot"/> (no AddRef).</summary>
    public void* Interface(int slot) => (uint)slot < (uint)_slotCount ? &_slots[slot] : null;

    /// <summary>The slot that implements <paramref name="iid"/>, or -1.</summary>
    protected abstract int FindSlot(void* iid);

    public int QueryInterface(void* iid, void** result)
    {
        if (result == null) return VstResult.kInvalidArgument;
        int slot = FindSlot(iid);
        if (slot < 0)
        {
            *result = null;
            return VstResult.kNoInterface;
        }
        AddRef();
        *result = Interface(slot);
        return VstResult.kResultOk;
    }

    public uint AddRef() => (uint)Interlocked.Increment(ref _refCount);

    public uint Release()
    {
        int count = Interlocked.Decrement(ref _refCount);
        if (count == 0)
        {
            OnFinalRelease();
            NativeMemory.Free(_slots);
            _handle.Free();
        }
        return (uint)Math.Max(count, 0);
    }

    /// <summary>Runs once when the last reference goes: release what this object holds.</summary>
    protected virtual void OnFinalRelease()
    {
    }

    /// <summary>The object behind an interface pointer we handed out.</summary>
    public static T From<T>(void* self) where T : ComObject =>
        (T)GCHandle.FromIntPtr(((ComSlot*)self)->Handle).Target!;
}
