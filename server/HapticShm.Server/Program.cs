// Placeholder entry point; the server's command line arrives with the server issue.
Console.Error.WriteLine("hapticshm-server: not implemented yet");
return 1;
