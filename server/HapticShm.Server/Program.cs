using HapticShm.Server.Hosting;

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
return ServerHost.Run(options);
