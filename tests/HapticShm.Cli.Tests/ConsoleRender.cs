using Spectre.Console;
using Spectre.Console.Rendering;

namespace HapticShm.Cli.Tests;

/// <summary>Renders Spectre output as plain text (no ANSI, no colour) at a given console width.</summary>
internal static class ConsoleRender
{
    /// <summary>What <paramref name="renderable"/> writes to a console <paramref name="width"/> columns wide.</summary>
    public static string Text(IRenderable renderable, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString();
    }

    /// <summary><paramref name="text"/> split into lines, without their carriage returns.</summary>
    public static string[] Lines(string text) => text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
