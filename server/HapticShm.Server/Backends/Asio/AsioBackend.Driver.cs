using System.Runtime.InteropServices;
using HapticShm.Engine.Audio;

namespace HapticShm.Server.Backends.Asio;

// Control calls into the driver. All of them run on the driver thread (AsioDriverThread).
public sealed unsafe partial class AsioBackend
{
    private int[] _selected = [];
    private AsioSampleType[] _types = [];
    private PlanarAudioBuffer? _planar;

    // Granularity per asio.h: -1 means powers of two, 0 means only Preferred, n > 0 means Min + k * n.
    private readonly record struct BufferSizes(int Min, int Max, int Preferred, int Granularity)
    {
        public bool Accepts(int size) => size >= Min && size <= Max && Granularity switch
        {
            -1 => int.IsPow2(size),
            0 => size == Preferred,
            _ => (size - Min) % Granularity == 0,
        };

        public string Describe() => Granularity switch
        {
            -1 => $"powers of two in {Min}..{Max}",
            0 => $"only {Preferred}",
            _ => $"{Min}..{Max} in steps of {Granularity}",
        };
    }

    // asio.h limits names to 32 chars and messages to 124, but drivers are known to write more.
    private const int NativeTextCapacity = 256;

    private void OpenDriver(int channelCount)
    {
        if (_driver->Init(null) != 1) throw DriverError("init", AsioError.ASE_NotPresent);
        DriverName = ReadDriverName();
        int inputs = 0, outputs = 0;
        Check(_driver->GetChannels(&inputs, &outputs), "getChannels");

        var names = new string[outputs];
        var types = new AsioSampleType[outputs];
        for (int i = 0; i < outputs; i++)
        {
            var info = new AsioChannelInfo { channel = i, isInput = 0 };
            Check(_driver->GetChannelInfo(&info), "getChannelInfo");
            names[i] = ReadAnsi(info.name, 32);
            types[i] = info.type;
        }
        _selected = AsioChannelSelection.Resolve(_options.OutputChannels, names, channelCount);
        _types = new AsioSampleType[_selected.Length];
        for (int i = 0; i < _selected.Length; i++)
        {
            _types[i] = types[_selected[i]];
            if (!AsioSampleConverter.IsSupported(_types[i]))
                throw new AudioBackendException($"ASIO output {_selected[i]} of \"{DriverName}\" uses {_types[i]}, which the server cannot write (supported: little-endian 16/24/32-bit integer and float)");
        }

        if (_options.SampleRate is double rate)
        {
            if (_driver->CanSampleRate(rate) != AsioError.ASE_OK)
                throw new AudioBackendException($"ASIO driver \"{DriverName}\" cannot run at {rate} Hz");
            Check(_driver->SetSampleRate(rate), "setSampleRate");
        }
        ReadSampleRate();

        BufferSizes sizes = ReadBufferSizes();
        int size = _options.BufferSize ?? sizes.Preferred;
        if (!sizes.Accepts(size))
            throw new AudioBackendException($"ASIO driver \"{DriverName}\" accepts {sizes.Describe()} frames per block, not {size}");
        _planar = new PlanarAudioBuffer(_selected.Length, Math.Max(size, sizes.Max));
        CreateBuffers(size);
    }

    private void CreateBuffers(int size)
    {
        if (_planar is null || _planar.MaxFrames < size) _planar = new PlanarAudioBuffer(_selected.Length, size);
        var buffers = new AsioOutputBuffers(_selected, _types, size, _planar);
        AsioError result = _driver->CreateBuffers(buffers.Infos, buffers.Count, size, _callbacks);
        if (result != AsioError.ASE_OK)
        {
            buffers.Dispose();
            throw DriverError("createBuffers", result);
        }
        buffers.Silence(0); // drivers need not clear them, and both halves may play before the first switch
        buffers.Silence(1);
        _buffers = buffers;
        ReadLatencies();
        // outputReady() lets the driver send a buffer as soon as it is filled; only ASE_OK means it is supported.
        _outputReady = _driver->OutputReady() == AsioError.ASE_OK;
        _clock.Reset();
    }

    private void StartDriver()
    {
        if (_running) return;
        _expectedPosition = -1; // drivers may count positions from 0 again after start()
        _running = true;
        AsioError result = _driver->Start();
        if (result == AsioError.ASE_OK) return;
        _running = false;
        throw DriverError("start", result);
    }

    private void StopDriver()
    {
        if (!_running) return;
        _running = false;
        _driver->Stop();
        // A callback counts itself in before it reads _running, so once the count is 0 every later one sees false.
        var spin = new SpinWait();
        while (Volatile.Read(ref _inCallback) != 0) spin.SpinOnce();
    }

    private void DisposeBuffers()
    {
        AsioOutputBuffers? buffers = _buffers;
        if (buffers is null) return;
        _buffers = null;
        _driver->DisposeBuffers();
        buffers.Dispose();
    }

    private void CloseDriver()
    {
        if (_driver is null) return;
        StopDriver();
        DisposeBuffers();
        if (_ownsDriver) _driver->Release();
        _driver = null;
    }

    private void ReadSampleRate()
    {
        double rate = 0;
        Check(_driver->GetSampleRate(&rate), "getSampleRate");
        SampleRate = (int)Math.Round(rate);
    }

    private BufferSizes ReadBufferSizes()
    {
        int min = 0, max = 0, preferred = 0, granularity = 0;
        Check(_driver->GetBufferSize(&min, &max, &preferred, &granularity), "getBufferSize");
        return new BufferSizes(min, max, preferred, granularity);
    }

    private void ReadLatencies()
    {
        int input = 0, output = 0;
        if (_driver->GetLatencies(&input, &output) != AsioError.ASE_OK) output = _buffers?.BlockSize ?? 0;
        OutputLatencyFrames = output;
        Volatile.Write(ref _outputLatencyNs, SampleRate > 0 ? output * 1_000_000_000L / SampleRate : 0);
    }

    private string ReadDriverName()
    {
        byte* name = stackalloc byte[NativeTextCapacity];
        name[0] = 0;
        _driver->GetDriverName(name);
        return ReadAnsi(name, NativeTextCapacity);
    }

    private void Check(AsioError result, string call)
    {
        if (result != AsioError.ASE_OK && result != AsioError.ASE_SUCCESS) throw DriverError(call, result);
    }

    private AudioBackendException DriverError(string call, AsioError result)
    {
        byte* text = stackalloc byte[NativeTextCapacity];
        text[0] = 0;
        _driver->GetErrorMessage(text);
        string message = ReadAnsi(text, NativeTextCapacity);
        string name = DriverName.Length > 0 ? DriverName : "the ASIO driver";
        return new AudioBackendException($"{name}: {call} failed ({result}){(message.Length > 0 ? ": " + message : "")}; check that the interface is connected and not used by another program");
    }

    private static string ReadAnsi(byte* text, int capacity)
    {
        int length = new ReadOnlySpan<byte>(text, capacity).IndexOf((byte)0);
        return Marshal.PtrToStringAnsi((nint)text, length < 0 ? capacity : length);
    }
}
