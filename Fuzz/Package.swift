// swift-tools-version:6.0
// libFuzzer harnesses for sop's parsers of untrusted bytes. Build and run with `bash scripts/fuzz.sh`;
// see docs/fuzzing.md. Kept out of the main package: every module here is built with
// -sanitize=fuzzer,address, and each harness starts libFuzzer's driver itself (FuzzSupport).
import PackageDescription

let package = Package(
  name: "SopFuzz",
  // Named, because a path dependency is otherwise known by its folder's name, which differs by checkout.
  dependencies: [
    .package(name: "sop", path: ".."),
    // For the Ed25519 harness's reference answers (BoringSSL through swift-crypto), as the main package has it.
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
  ],
  targets: [
    .target(name: "FuzzSupport"),
    .executableTarget(
      name: "FuzzSignature", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzPublicKey", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzGitObjects", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzFrontMatter", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzPolicy", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzWebAuthn", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzLooseObjects", dependencies: ["FuzzSupport", .product(name: "SopParsers", package: "sop")]),
    .executableTarget(
      name: "FuzzCacheFiles",
      dependencies: [
        "FuzzSupport", .product(name: "SopParsers", package: "sop"), .product(name: "SopCacheFiles", package: "sop"),
      ]),
    .executableTarget(
      name: "FuzzEd25519",
      dependencies: [
        "FuzzSupport", .product(name: "SopParsers", package: "sop"), .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(name: "FuzzLint", dependencies: ["FuzzSupport", .product(name: "SopLint", package: "sop")]),
  ]
)
