using HapticShm.Server.Hosting;
using HapticShm.Shared.Platform;

ServerOptions options;
try
{
    if (args is ["--help"] or ["-h"])
    {
        Console.WriteLine(ServerOptions.Usage);
        return 0;
    }
    options = ServerOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"hapticshm-server: {e.Message}");
    Console.Error.WriteLine(ServerOptions.Usage);
    return 2;
}
try
{
    return ServerHost.Run(options);
}
catch (Exception e)
{
    // `hapticshm server start` sends the user to server.log: the reason must be there, in one line.
    string reason = $"hapticshm-server {Environment.ProcessId}: failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
    Console.Error.WriteLine(reason);
    try
    {
        File.AppendAllText(RuntimePaths.ServerLogPath, reason + Environment.NewLine);
    }
    catch (Exception logError) when (logError is IOException or UnauthorizedAccessException or InvalidOperationException)
    {
        Console.Error.WriteLine($"hapticshm-server: could not write server.log: {logError.Message}");
    }
    return 1;
}
