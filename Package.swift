// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sop",
  products: [
    .executable(name: "sop", targets: ["sop"]),
    // The parsers of untrusted bytes, for the libFuzzer harnesses in Fuzz/ (docs/fuzzing.md).
    .library(name: "SopParsers", targets: ["DocumentModel", "GitStore", "Signatures"]),
    // The readers of sop's own files in `.git/sop`, for the `CacheFiles` harness (docs/fuzzing.md). A product
    // of its own, so the other harnesses do not link DocumentControl; normal builds are unaffected.
    .library(name: "SopCacheFiles", targets: ["DocumentControl", "SitePublisher"]),
    // `sop lint`'s rules, which read every document anyone with push access writes, for the `Lint` harness
    // (docs/fuzzing.md); a product of its own so the harness links neither git nor the signatures.
    .library(name: "SopLint", targets: ["ProcedureLint"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibgit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .target(name: "ParallelWork"),
    .target(name: "DocumentModel", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(name: "MarkdownSyntax", dependencies: ["CCmarkGFM"]),
    .target(name: "GitStore", dependencies: ["CLibgit2"]),
    // Ed25519 verification with per-key tables over BoringSSL's group operations (Signatures/Ed25519Tables.swift).
    .target(name: "CEd25519Tables", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "Signatures",
      dependencies: [
        "CEd25519Tables",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]),
    .target(name: "ProcedureLint", dependencies: ["DocumentModel", "MarkdownSyntax", "ParallelWork"]),
    .target(
      name: "SitePublisher",
      dependencies: [
        "DocumentModel", "MarkdownSyntax", "ParallelWork", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "DocumentControl",
      dependencies: [
        "DocumentModel", "MarkdownSyntax", "GitStore", "Signatures", "ProcedureLint", "SitePublisher",
        "ParallelWork", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // `sop serve`: approvals signed with passkeys in a browser (docs/serve.md); the only importer of Hummingbird.
    .target(
      name: "WebApprovals",
      dependencies: [
        "DocumentControl", "DocumentModel", "Signatures", "SitePublisher", "ProcedureLint",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(
      name: "sop",
      dependencies: [
        "DocumentControl", "DocumentModel", "GitStore", "Signatures", "ProcedureLint", "SitePublisher", "WebApprovals",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(
      name: "TestSupport", dependencies: ["Signatures", .product(name: "Crypto", package: "swift-crypto")],
      path: "Tests/TestSupport"),
    .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork"]),
    .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel"]),
    .testTarget(name: "MarkdownSyntaxTests", dependencies: ["MarkdownSyntax", "CCmarkGFM"]),
    .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "CLibgit2", "TestSupport"]),
    .testTarget(name: "SignaturesTests", dependencies: ["Signatures", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "ProcedureLintTests", dependencies: ["ProcedureLint", "DocumentModel"], exclude: ["Fixtures"]),
    .testTarget(name: "SitePublisherTests", dependencies: ["SitePublisher", "DocumentModel"]),
    .testTarget(
      name: "DocumentControlTests",
      dependencies: ["DocumentControl", "GitStore", "Signatures", "DocumentModel", "SitePublisher", "TestSupport"]),
    // The CLI's tests, and `sop serve`'s core driven request by request on repositories made with stock git.
    .testTarget(name: "sopTests", dependencies: ["TestSupport", "WebApprovals", "Signatures"]),
  ]
)
