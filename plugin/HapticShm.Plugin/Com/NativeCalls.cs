using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>Calls into host objects through their vtables.</summary>
internal static unsafe class NativeCalls
{
    public static T* Vtbl<T>(void* obj) where T : unmanaged => (T*)((NativeObject*)obj)->Vtbl;

    public static uint AddRef(void* obj) => obj == null ? 0 : Vtbl<FUnknownVtbl>(obj)->addRef(obj);

    public static uint Release(void* obj) => obj == null ? 0 : Vtbl<FUnknownVtbl>(obj)->release(obj);

    /// <summary>queryInterface on a host object; null when it does not implement <paramref name="iid"/>.</summary>
    public static void* Query(void* obj, in Tuid iid)
    {
        if (obj == null) return null;
        void* result = null;
        Tuid copy = iid;
        return Vtbl<FUnknownVtbl>(obj)->queryInterface(obj, &copy, &result) == VstResult.kResultOk ? result : null;
    }

    /// <summary>Reads a whole IBStream from its current position (at most <paramref name="limit"/> bytes).</summary>
    public static byte[] ReadAll(void* stream, int limit)
    {
        var buffer = new MemoryStream();
        byte* chunk = stackalloc byte[4096];
        IBStreamVtbl* vtbl = Vtbl<IBStreamVtbl>(stream);
        while (buffer.Length < limit)
        {
            int read = 0;
            if (vtbl->read(stream, chunk, 4096, &read) != VstResult.kResultOk || read <= 0) break;
            buffer.Write(new ReadOnlySpan<byte>(chunk, Math.Min(read, 4096)));
        }
        return buffer.ToArray();
    }

    /// <summary>Writes all of <paramref name="bytes"/> to an IBStream.</summary>
    public static bool WriteAll(void* stream, ReadOnlySpan<byte> bytes)
    {
        IBStreamVtbl* vtbl = Vtbl<IBStreamVtbl>(stream);
        fixed (byte* data = bytes)
        {
            int offset = 0;
            while (offset < bytes.Length)
            {
                int written = 0;
                if (vtbl->write(stream, data + offset, bytes.Length - offset, &written) != VstResult.kResultOk || written <= 0) return false;
                offset += written;
            }
        }
        return true;
    }
}
