return Kizuki.Cli.KizukiCommand.Run(args);
