using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Input;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>Our CLAP structs against the C layout of free-audio/clap 1.2 (x86-64 / arm64: 8-byte
/// pointers, natural alignment), and the expression mapping onto the core's scales.</summary>
public sealed class ClapInteropLayoutTests
{
    [Theory]
    [InlineData(typeof(ClapVersion), 12)]
    [InlineData(typeof(ClapPluginEntry), 40)]
    [InlineData(typeof(ClapPluginDescriptor), 88)]
    [InlineData(typeof(ClapPluginFactory), 24)]
    [InlineData(typeof(ClapPlugin), 96)]
    [InlineData(typeof(ClapHost), 88)]
    [InlineData(typeof(ClapProcess), 64)]
    [InlineData(typeof(ClapAudioBuffer), 32)]
    [InlineData(typeof(ClapEventHeader), 16)]
    [InlineData(typeof(ClapEventNote), 40)]
    [InlineData(typeof(ClapEventNoteExpression), 40)]
    [InlineData(typeof(ClapEventParamValue), 56)]
    [InlineData(typeof(ClapEventMidi), 24)]
    [InlineData(typeof(ClapEventTransport), 104)]
    [InlineData(typeof(ClapInputEvents), 24)]
    [InlineData(typeof(ClapOutputEvents), 16)]
    [InlineData(typeof(ClapNotePortInfo), 268)]
    [InlineData(typeof(ClapAudioPortInfo), 288)]
    [InlineData(typeof(ClapParamInfo), 1320)]
    [InlineData(typeof(ClapPluginParams), 48)]
    [InlineData(typeof(ClapHostParams), 24)]
    [InlineData(typeof(ClapIStream), 16)]
    [InlineData(typeof(ClapOStream), 16)]
    [InlineData(typeof(ClapPluginState), 16)]
    [InlineData(typeof(ClapHostThreadCheck), 16)]
    [InlineData(typeof(ClapPluginRender), 16)]
    [InlineData(typeof(ClapEventParamGesture), 20)]
    [InlineData(typeof(ClapWindow), 16)]
    [InlineData(typeof(ClapGuiResizeHints), 12)]
    [InlineData(typeof(ClapPluginGui), 120)]
    [InlineData(typeof(ClapPluginTimerSupport), 8)]
    [InlineData(typeof(ClapHostTimerSupport), 16)]
    [InlineData(typeof(ClapPluginPosixFdSupport), 8)]
    [InlineData(typeof(ClapHostPosixFdSupport), 24)]
    public void Size(Type type, int size) => Assert.Equal(size, Marshal.SizeOf(type));

    [Theory]
    [InlineData(typeof(ClapPluginEntry), nameof(ClapPluginEntry.Init), 16)]
    [InlineData(typeof(ClapPluginDescriptor), nameof(ClapPluginDescriptor.Id), 16)]
    [InlineData(typeof(ClapPluginDescriptor), nameof(ClapPluginDescriptor.Features), 80)]
    [InlineData(typeof(ClapPlugin), nameof(ClapPlugin.Process), 72)]
    [InlineData(typeof(ClapPlugin), nameof(ClapPlugin.OnMainThread), 88)]
    [InlineData(typeof(ClapHost), nameof(ClapHost.HostData), 16)]
    [InlineData(typeof(ClapHost), nameof(ClapHost.GetExtension), 56)]
    [InlineData(typeof(ClapProcess), nameof(ClapProcess.Transport), 16)]
    [InlineData(typeof(ClapProcess), nameof(ClapProcess.AudioOutputsCount), 44)]
    [InlineData(typeof(ClapProcess), nameof(ClapProcess.InEvents), 48)]
    [InlineData(typeof(ClapEventHeader), nameof(ClapEventHeader.Type), 10)]
    [InlineData(typeof(ClapEventNote), nameof(ClapEventNote.Key), 24)]
    [InlineData(typeof(ClapEventNote), nameof(ClapEventNote.Velocity), 32)]
    [InlineData(typeof(ClapEventNoteExpression), nameof(ClapEventNoteExpression.NoteId), 20)]
    [InlineData(typeof(ClapEventNoteExpression), nameof(ClapEventNoteExpression.Key), 28)]
    [InlineData(typeof(ClapEventNoteExpression), nameof(ClapEventNoteExpression.Value), 32)]
    [InlineData(typeof(ClapEventParamValue), nameof(ClapEventParamValue.Cookie), 24)]
    [InlineData(typeof(ClapEventParamValue), nameof(ClapEventParamValue.Value), 48)]
    [InlineData(typeof(ClapEventMidi), nameof(ClapEventMidi.Status), 18)]
    [InlineData(typeof(ClapEventTransport), nameof(ClapEventTransport.SongPosSeconds), 32)]
    [InlineData(typeof(ClapEventTransport), nameof(ClapEventTransport.TsigDenom), 102)]
    [InlineData(typeof(ClapAudioPortInfo), nameof(ClapAudioPortInfo.Flags), 260)]
    [InlineData(typeof(ClapAudioPortInfo), nameof(ClapAudioPortInfo.PortType), 272)]
    [InlineData(typeof(ClapParamInfo), nameof(ClapParamInfo.Name), 16)]
    [InlineData(typeof(ClapParamInfo), nameof(ClapParamInfo.MinValue), 1296)]
    [InlineData(typeof(ClapParamInfo), nameof(ClapParamInfo.DefaultValue), 1312)]
    public void Offset(Type type, string field, int offset) => Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));

    [Theory]
    [InlineData(ClapEventNoteExpression.Tuning, 48.0, NoteExpressionKind.Tuning, 0.7)]
    [InlineData(ClapEventNoteExpression.Tuning, -48.0, NoteExpressionKind.Tuning, 0.3)]
    [InlineData(ClapEventNoteExpression.Tuning, 0.0, NoteExpressionKind.Tuning, 0.5)]
    [InlineData(ClapEventNoteExpression.Volume, 1.0, NoteExpressionKind.Volume, 0.25)]
    [InlineData(ClapEventNoteExpression.Volume, 4.0, NoteExpressionKind.Volume, 1.0)]
    [InlineData(ClapEventNoteExpression.Brightness, 0.8, NoteExpressionKind.Brightness, 0.8)]
    [InlineData(ClapEventNoteExpression.Expression, 0.6, NoteExpressionKind.Expression, 0.6)]
    public void Expressions_MapOntoTheVst3Scales(int id, double value, NoteExpressionKind kind, double normalized)
    {
        Assert.True(ClapEventReader.TryMapExpression(id, value, out NoteExpressionKind mapped, out double result));
        Assert.Equal(kind, mapped);
        Assert.Equal(normalized, result, 12);
    }

    [Theory]
    [InlineData(ClapEventNoteExpression.Pan)]
    [InlineData(ClapEventNoteExpression.Vibrato)]
    [InlineData(ClapEventNoteExpression.Pressure)] // poly pressure, not an expression kind
    [InlineData(99)]
    public void Expressions_Ignored(int id) => Assert.False(ClapEventReader.TryMapExpression(id, 0.5, out _, out _));
}
