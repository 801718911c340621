using System.Runtime.InteropServices;

namespace HapticShm.Jack;

internal static unsafe partial class Interop
{
    /// <summary>libjack (jack2). Signatures follow jack/jack.h and jack/types.h.</summary>
    internal static partial class Jack
    {
        internal const string LibraryName = "libjack.so.0";

        // jack_options_t
        internal const int JackNullOption = 0x00;
        internal const int JackNoStartServer = 0x01;
        internal const int JackServerName = 0x04;

        // jack_status_t
        internal const int JackFailure = 0x01;
        internal const int JackServerFailed = 0x10;

        // JackPortFlags
        internal const nuint JackPortIsInput = 0x1;
        internal const nuint JackPortIsOutput = 0x2;
        internal const nuint JackPortIsPhysical = 0x4;

        internal const string JACK_DEFAULT_AUDIO_TYPE = "32 bit float mono audio";
        internal const string JACK_DEFAULT_MIDI_TYPE = "8 bit raw midi";
        internal const int EEXIST = 17;

        // jack_client_open is variadic; on x86-64/arm64 Linux a trailing pointer argument is passed
        // exactly like a fixed one, so the server name is declared as a fourth parameter.
        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint jack_client_open(string clientName, int options, int* status, string? serverName);

        // The same entry point with the names already UTF-8 and zero-terminated: no marshalling,
        // nothing allocated (the probe calls it twice a second for as long as no JACK answers).
        [LibraryImport(LibraryName, EntryPoint = "jack_client_open")]
        internal static partial nint jack_client_open_utf8(byte* clientName, int options, int* status, byte* serverName);

        [LibraryImport(LibraryName)]
        internal static partial void jack_set_error_function(delegate* unmanaged<byte*, void> callback);

        [LibraryImport(LibraryName)]
        internal static partial int jack_client_close(nint client);

        [LibraryImport(LibraryName)]
        internal static partial nint jack_get_client_name(nint client);

        [LibraryImport(LibraryName)]
        internal static partial int jack_activate(nint client);

        [LibraryImport(LibraryName)]
        internal static partial int jack_deactivate(nint client);

        [LibraryImport(LibraryName)]
        internal static partial int jack_set_process_callback(nint client, delegate* unmanaged<uint, nint, int> callback, nint arg);

        [LibraryImport(LibraryName)]
        internal static partial int jack_set_xrun_callback(nint client, delegate* unmanaged<nint, int> callback, nint arg);

        [LibraryImport(LibraryName)]
        internal static partial int jack_set_buffer_size_callback(nint client, delegate* unmanaged<uint, nint, int> callback, nint arg);

        [LibraryImport(LibraryName)]
        internal static partial void jack_on_shutdown(nint client, delegate* unmanaged<nint, void> callback, nint arg);

        [LibraryImport(LibraryName)]
        internal static partial uint jack_get_sample_rate(nint client);

        [LibraryImport(LibraryName)]
        internal static partial uint jack_get_buffer_size(nint client);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint jack_port_register(nint client, string portName, string portType, nuint flags, nuint bufferSize);

        [LibraryImport(LibraryName)]
        internal static partial float* jack_port_get_buffer(nint port, uint frames);

        [LibraryImport(LibraryName)]
        internal static partial nint jack_port_name(nint port);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int jack_connect(nint client, string sourcePort, string destinationPort);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint jack_port_by_name(nint client, string portName);

        [LibraryImport(LibraryName)]
        internal static partial nint* jack_port_get_all_connections(nint client, nint port);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint* jack_get_ports(nint client, string? portNamePattern, string? typeNamePattern, nuint flags);

        [LibraryImport(LibraryName)]
        internal static partial void jack_free(void* ptr);

        [LibraryImport(LibraryName)]
        internal static partial uint jack_frame_time(nint client);

        [LibraryImport(LibraryName)]
        internal static partial uint jack_last_frame_time(nint client);

        [LibraryImport(LibraryName)]
        internal static partial ulong jack_frames_to_time(nint client, uint frames);

        [LibraryImport(LibraryName)]
        internal static partial ulong jack_get_time();

        [LibraryImport(LibraryName)]
        internal static partial void jack_midi_clear_buffer(void* portBuffer);

        [LibraryImport(LibraryName)]
        internal static partial int jack_midi_event_write(void* portBuffer, uint time, byte* data, nuint size);
    }
}
