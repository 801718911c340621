using System.CommandLine;
using System.CommandLine.Parsing;
using System.Reflection;

namespace HapticShm.Cli;

/// <summary>
/// The top of every verb: a bad argument or a failure no verb handled becomes one line,
/// <c>hapticshm VERB: what went wrong</c>, and exit code 1; never a stack trace
/// (<c>HAPTICSHM_STACK_TRACES=1</c> prints one for a bug report).
/// </summary>
internal static class VerbErrors
{
    public const string StackTraceVariable = "HAPTICSHM_STACK_TRACES";
    public const int FailureExitCode = 1;
    public const int CancelledExitCode = 130;

    public static int Run(RootCommand root, string[] args)
    {
        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (Exception e)
        {
            Report("hapticshm", e);
            return FailureExitCode;
        }
        return Invoke(parsed);
    }

    private static int Invoke(ParseResult parsed)
    {
        string verb = VerbPath(parsed.CommandResult);
        // A thread the verb started and forgot to watch would otherwise end the process with a trace.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Report(verb, e.ExceptionObject as Exception);
            Environment.Exit(FailureExitCode);
        };
        // Without a verb the help is the most useful answer; a verb's mistake gets its one line.
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Parent is not null)
        {
            string errors = string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message).TrimEnd('.')));
            Console.Error.WriteLine($"{verb}: {errors} (see: {verb} --help)");
            return FailureExitCode;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException)
        {
            return CancelledExitCode;
        }
        catch (Exception e)
        {
            Report(verb, e);
            return FailureExitCode;
        }
    }

    /// <summary>"hapticshm send note" for the command the user ran.</summary>
    private static string VerbPath(CommandResult? command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
            if (result is CommandResult { Parent: not null } c) names.Insert(0, c.Command.Name);
        return names.Count == 0 ? "hapticshm" : $"hapticshm {string.Join(' ', names)}";
    }

    private static void Report(string verb, Exception? exception)
    {
        Exception e = Unwrap(exception ?? new InvalidOperationException("unknown failure"));
        Console.Error.WriteLine($"{verb}: {Describe(e)}");
        if (Environment.GetEnvironmentVariable(StackTraceVariable) == "1") Console.Error.WriteLine(e);
    }

    // Exceptions a user can act on speak for themselves; anything else is our bug and says so.
    private static string Describe(Exception e)
    {
        string message = OneLine(e.Message);
        return e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException
            or TimeoutException or InvalidDataException or System.Net.Sockets.SocketException or PlatformNotSupportedException
            or DllNotFoundException or ArgumentException or System.ComponentModel.Win32Exception
            || e.GetType().Namespace?.StartsWith("HapticShm", StringComparison.Ordinal) == true
            ? message
            : $"internal error ({e.GetType().Name}: {message}); {StackTraceVariable}=1 shows where";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
            else if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
            else return e;
        }
    }
}
