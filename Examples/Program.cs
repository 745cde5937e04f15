using System;

namespace Examples;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("Dsl examples");
        return 0;
    }
}
