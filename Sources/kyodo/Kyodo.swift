import Foundation

@main
struct Kyodo {
  static func main() {
    exit(CommandLine.run(Array(CommandLine.arguments.dropFirst())).rawValue)
  }
}
