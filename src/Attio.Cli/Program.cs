using Attio.Cli;
using Attio.Cli.Output;

// The real process: system console, real environment, real clock. Tests call CliApp.RunAsync with their own console.
return await CliApp.RunAsync(args, CliConsole.FromSystem());
