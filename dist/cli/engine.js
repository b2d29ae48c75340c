import {
  UserError,
  abiFlags,
  adviceFix,
  canLto,
  cfgHas,
  codegenOptions,
  compareFindings,
  compareText,
  compareToolchain,
  crateTypeEdits,
  currentPackage,
  findingArtifact,
  findingFingerprint,
  flagEnabled,
  forwardSlashes,
  isAbsolutePath,
  isDynamic,
  isLinkable,
  listCrates,
  needsDevDependencies,
  optionKey,
  pinForChannel,
  platformMatches,
  providesDylib,
  providesRlib,
  readRustflags,
  relativeOrAbsolute,
  relativePosix,
  requiresUpstreamObjects,
  resolveFrom,
  rootPackage,
  ruleInfo,
  selectPackages,
  selectsTargets,
  settingEdit,
  toCargoArgs,
  unstableOptions
} from "./chunk.js";

// src/model/platform.ts
function loaderFamily(info) {
  let family2 = families.get(info);
  return family2 === void 0 && families.set(info, family2 = familyOf(info)), family2;
}
var families = /* @__PURE__ */ new WeakMap();
function familyOf(info) {
  let has = (key, value) => cfgHas(info.cfg, key, value);
  return has("target_family", "wasm") ? "wasm" : has("target_os", "windows") ? has("target_abi", "llvm") ? "unmodelled" : "windows" : has("target_vendor", "apple") ? "darwin" : has("target_family", "unix") && !has("target_os", "aix") && !has("target_os", "cygwin") ? "elf" : "unmodelled";
}
function isLikeWindows(info) {
  return ["windows", "uefi", "cygwin"].some((os) => cfgHas(info.cfg, "target_os", os));
}
function isMingw(info) {
  return loaderFamily(info) === "windows" && cfgHas(info.cfg, "target_env", "gnu");
}
function dynamicUnwinderDll(info) {
  return isMingw(info) ? cfgHas(info.cfg, "target_arch", "x86") ? "libgcc_s_dw2-1.dll" : "libgcc_s_seh-1.dll" : null;
}
function libraryPathVariable(family2) {
  return family2 === "windows" ? "PATH" : family2 === "darwin" ? "DYLD_FALLBACK_LIBRARY_PATH" : "LD_LIBRARY_PATH";
}

// src/model/features.ts
function causeChain(features, cause) {
  let chain = [cause];
  for (let c = cause; c.origin.by === "feature"; ) {
    let { pkg, featuresFor, feature } = c.origin;
    if (c = features.featureCause(pkg.id, featuresFor, feature), c === null || chain.length > 256) break;
    chain.push(c);
  }
  return chain;
}
function metadataFeatures(metadata) {
  let sets = new Map([...metadata.packages.values()].map((p) => [p.id, new Set(p.features)]));
  return {
    activatedFeatures: (pkg) => sets.get(pkg) ?? EMPTY,
    isDepActivated: () => !0,
    featureCause: () => null,
    dependencyCause: () => null
  };
}
function featureValueText(fv) {
  return fv.kind === "feature" ? fv.feature : fv.kind === "dep" ? `dep:${fv.depName}` : `${fv.depName}${fv.weak ? "?" : ""}/${fv.depFeature}`;
}
function featureValue(text) {
  let slash = text.indexOf("/");
  if (slash >= 0) {
    let name = text.slice(0, slash), weak = name.endsWith("?");
    return { kind: "dep-feature", depName: weak ? name.slice(0, -1) : name, depFeature: text.slice(slash + 1), weak };
  }
  return text.startsWith("dep:") ? { kind: "dep", depName: text.slice(4) } : { kind: "feature", feature: text };
}
function declarationOf(edge, kind) {
  return kind.declared ?? { nameInToml: edge.externName, optional: !1, features: [], defaultFeatures: !0 };
}
function resolveFeatures(metadata, request) {
  let v2 = request.resolver === 2, opts = { decoupleHostDeps: v2, decoupleDevDeps: v2 && !request.hasDevUnits, ignoreInactiveTargets: v2 }, trackForHost = opts.decoupleHostDeps || opts.ignoreInactiveTargets, applied = (fk) => opts.decoupleHostDeps ? fk : "normal", sides = /* @__PURE__ */ new Map(), sideOf = (pkg, fk) => {
    let both = sides.get(pkg);
    return both === void 0 && sides.set(pkg, both = { normal: newSide(), host: newSide() }), both[fk];
  }, parsedFeatures = /* @__PURE__ */ new Map(), featureMapOf = (pkg) => {
    if (pkg.featureMap.size === 0) return NO_FEATURES;
    let map = parsedFeatures.get(pkg);
    return map === void 0 && parsedFeatures.set(pkg, map = new Map([...pkg.featureMap].map(([name, values]) => [name, values.map(featureValue)]))), map;
  }, tasks = [], deps2 = (pkg, fk) => {
    let side = sideOf(pkg, fk);
    if (side.deps !== null) return side.deps;
    let out = [];
    for (let edge of pkg.deps) {
      let dep = metadata.packages.get(edge.pkg);
      for (let kind of edge.kinds) {
        if (kind.platform !== null && opts.ignoreInactiveTargets && !platformActivated(kind, fk, request) || opts.decoupleDevDeps && kind.kind === "dev") continue;
        let depFk = fk !== "host" && trackForHost && (kind.kind === "build" || hasProcMacroLib(dep)) ? "host" : fk, declared = declarationOf(edge, kind);
        out.push({ dep, declared, depFk, origin: { by: "dependency", pkg, nameInToml: declared.nameInToml } });
      }
    }
    return side.deps = out;
  }, featuresOf2 = (pkg, fk) => {
    let side = sideOf(pkg, applied(fk));
    return side.features ??= /* @__PURE__ */ new Map();
  }, activatePkg = (pkg, fk, fvs, origin) => {
    featuresOf2(pkg, fk);
    for (let fv of fvs) activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) });
    let side = sideOf(pkg, fk);
    if (!side.processed) {
      side.processed = !0;
      for (let { dep, declared, depFk, origin: declaration } of deps2(pkg, fk))
        declared.optional || tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
    }
  }, activateFv = (pkg, fk, fv, cause) => {
    fv.kind === "feature" ? activateRec(pkg, fk, fv.feature, cause) : fv.kind === "dep" ? activateDependency(pkg, fk, fv.depName, cause) : activateDepFeature(pkg, fk, fv.depName, fv.depFeature, fv.weak, cause);
  }, activateRec = (pkg, fk, feature, cause) => {
    let enabled = featuresOf2(pkg, fk);
    if (enabled.has(feature)) return;
    enabled.set(feature, cause);
    let fvs = featureMapOf(pkg).get(feature);
    if (fvs === void 0) return;
    let origin = { by: "feature", pkg, featuresFor: applied(fk), feature };
    for (let fv of fvs) tasks.push(() => activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) }));
  }, activateDependency = (pkg, fk, depName, cause) => {
    let appliedSide = sideOf(pkg, applied(fk)), activated = appliedSide.dependencies ??= /* @__PURE__ */ new Map();
    activated.has(depName) || activated.set(depName, cause);
    let side = sideOf(pkg, fk), toEnable = side.deferredWeak?.get(depName);
    side.deferredWeak?.delete(depName);
    for (let { dep, declared, depFk, origin: declaration } of deps2(pkg, fk))
      if (declared.nameInToml === depName) {
        for (let [depFeature, weakCause] of toEnable ?? []) tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), weakCause));
        tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
      }
  }, activateDepFeature = (pkg, fk, depName, depFeature, weak, cause) => {
    for (let { dep, declared, depFk } of deps2(pkg, fk))
      if (declared.nameInToml === depName) {
        if (declared.optional) {
          if (weak && sideOf(pkg, applied(fk)).dependencies?.has(depName) !== !0) {
            let side = sideOf(pkg, fk), deferred = side.deferredWeak ??= /* @__PURE__ */ new Map(), features = deferred.get(depName) ?? /* @__PURE__ */ new Map();
            features.has(depFeature) || features.set(depFeature, cause), deferred.set(depName, features);
            continue;
          }
          activateFv(pkg, fk, { kind: "dep", depName }, cause), !weak && pkg.featureMap.has(depName) && activateRec(pkg, fk, depName, cause);
        }
        tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), cause));
      }
  };
  for (let [member, cli] of membersWithFeatures(metadata, request)) {
    let fvs = fvsFromRequested(member, cli), origin = { by: "command-line", pkg: member };
    for (trackForHost && hasAnyProcMacro(member) && tasks.push(() => activatePkg(member, "host", fvs, origin)), tasks.push(() => activatePkg(member, "normal", fvs, origin)); tasks.length > 0; ) tasks.pop()();
  }
  let byId = (id, fk) => {
    let pkg = metadata.packages.get(id);
    return pkg === void 0 ? void 0 : sides.get(pkg)?.[applied(fk)];
  };
  return {
    activatedFeatures: (pkg, featuresFor) => byId(pkg, featuresFor)?.features ?? EMPTY,
    isDepActivated: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.has(name) ?? !1,
    featureCause: (pkg, featuresFor, feature) => byId(pkg, featuresFor)?.features?.get(feature) ?? null,
    dependencyCause: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.get(name) ?? null
  };
}
function newSide() {
  return { features: null, dependencies: null, processed: !1, deferredWeak: null, deps: null };
}
var EMPTY = /* @__PURE__ */ new Set();
function fvsFromDependency(dep, declared, featureMap) {
  let withDefault = declared.defaultFeatures && featureMap.has("default");
  if (declared.features.length === 0) return withDefault ? DEFAULT_ONLY : NONE;
  let fvs = declared.features.map(featureValue);
  return withDefault && fvs.push(DEFAULT), fvs;
}
var DEFAULT = { kind: "feature", feature: "default" }, DEFAULT_ONLY = [DEFAULT], NONE = [], NO_FEATURES = /* @__PURE__ */ new Map();
function fvsFromRequested(member, cli) {
  let fvs = [...cli.features];
  if (cli.usesDefaultFeatures && member.featureMap.has("default") && fvs.push(DEFAULT), cli.allFeatures) for (let feature of member.featureMap.keys()) fvs.push({ kind: "feature", feature });
  return fvs;
}
function membersWithFeatures(metadata, request) {
  let members = metadata.workspaceMembers.map((id) => metadata.packages.get(id)), selected = new Set(request.selected.map((p) => p.id)), requested = request.features.map(featureValue), usesDefaultFeatures = !request.noDefaultFeatures;
  if (request.resolver === 2 || request.virtualWorkspace) {
    let chosen = members.filter((m) => selected.has(m.id));
    return chosen.length === 0 ? members.map((m) => [m, { features: [], allFeatures: !1, usesDefaultFeatures: !0 }]) : chosen.map((m) => [m, { features: collectMatchingFeatures(m, requested), allFeatures: request.allFeatures, usesDefaultFeatures }]);
  }
  let memberSpecific = /* @__PURE__ */ new Map(), cwdFeatures = [];
  for (let fv of requested) {
    if (fv.kind === "dep-feature" && members.some((m) => m !== request.current && m.name === fv.depName) && request.selected.some((p) => p.name === fv.depName)) {
      let list = memberSpecific.get(fv.depName) ?? [];
      list.push({ kind: "feature", feature: fv.depFeature }), memberSpecific.set(fv.depName, list);
      continue;
    }
    cwdFeatures.push(fv);
  }
  let out = [];
  for (let member of members)
    member === request.current ? out.push([member, { features: cwdFeatures, allFeatures: request.allFeatures, usesDefaultFeatures }]) : selected.has(member.id) && out.push([member, { features: memberSpecific.get(member.name) ?? [], allFeatures: request.allFeatures, usesDefaultFeatures: !0 }]);
  return out;
}
function collectMatchingFeatures(member, requested) {
  let declared = /* @__PURE__ */ new Map();
  for (let edge of member.deps)
    for (let kind of edge.kinds) {
      let declaration = declarationOf(edge, kind);
      declared.set(declaration.nameInToml, declaration);
    }
  let hasFeature = (f) => member.featureMap.has(f) || declared.get(f)?.optional === !0, out = [];
  for (let fv of requested)
    fv.kind === "feature" && hasFeature(fv.feature) ? out.push(fv) : fv.kind === "dep-feature" && (declared.has(fv.depName) ? out.push(fv) : fv.depName === member.name && hasFeature(fv.depFeature) && out.push({ kind: "feature", feature: fv.depFeature }));
  return out;
}
function platformActivated(kind, fk, request) {
  let info = kind.kind === "build" || fk === "host" ? request.host : request.target;
  return platformMatches(kind.platform, info.triple, info.cfg);
}
function hasProcMacroLib(pkg) {
  return pkg.targets.some((t) => t.kind === "proc-macro" || t.kind === "lib" && t.crateTypes.includes("proc-macro"));
}
var hasAnyProcMacro = hasProcMacroLib;

// src/model/unit-dependencies.ts
function depsOfRoots(state, roots) {
  let out = [];
  for (let spec of roots) {
    let unit = depsOf(state, spec, !0);
    out.includes(unit) || out.push(unit);
  }
  return out;
}
function depsOf(state, spec, root) {
  let pending = [], visit = (s, isRoot) => {
    let count = state.units.length, unit2 = state.intern(s, isRoot);
    return state.units.length !== count && pending.push({ unit: unit2, needs: computeDeps(state, unit2, s.unitFor), next: 0 }), unit2;
  }, unit = visit(spec, root);
  for (; pending.length > 0; ) {
    let frame = pending[pending.length - 1], need = frame.needs[frame.next++];
    if (need === void 0) {
      pending.pop();
      continue;
    }
    let { crates, buildsAfter } = frame.unit, dep = visit(need, !1);
    need.link === null ? buildsAfter.push(dep) : need.link.edge === "own-lib" ? crates.unshift({ unit: dep, ...need.link }) : crates.push({ unit: dep, ...need.link });
  }
  return unit;
}
function computeDeps(state, unit, unitFor) {
  let { pkg, target, mode } = unit, needs = [];
  for (let { pkg: dep, edge, kinds, activatedBy } of deps(state, unit, unitFor)) {
    let lib = state.libOf(dep);
    if (!lib) continue;
    let first = kinds[0], named = loadedByRustc(state, unit, dep, lib, edge.externName);
    if (!lib.crateTypes.some(isLinkable)) {
      named && unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes }), needs.push(newUnitDep(dep, lib, unit, unitFor, null));
      continue;
    }
    needs.push(newUnitDep(dep, lib, unit, unitFor, named ? { externName: edge.externName, edge: first.kind, platform: first.platform, activatedBy } : null));
  }
  if (target.kind === "custom-build") return needs;
  if (target.kind !== "lib" && target.kind !== "proc-macro" || mode === "doctest") {
    let lib = maybeLib(state, unit, unitFor);
    if (lib && needs.push(lib), (target.kind === "test" || target.kind === "bench") && mode === "test")
      for (let bin of pkg.targets)
        bin.kind !== "bin" || !featuresSatisfied(state, bin, pkg) || needs.push({ pkg, target: bin, mode: "build", kind: unit.kind, unitFor: { host: unitFor.host, hostFeatures: !1, test: !1 }, link: null });
  }
  let script = depBuildScript(unit, unitFor);
  return script && needs.push(script), needs;
}
function deps(state, unit, unitFor) {
  let { pkg, target, mode, kind } = unit, featuresFor = featuresForUnit(unitFor), info = state.infoFor(kind), isBuildScript = target.kind === "custom-build", includeDev = !isBuildScript && (target.kind === "test" || target.kind === "example" || target.kind === "bench" || mode !== "build"), out = [];
  for (let edge of pkg.deps) {
    let kinds = edge.kinds.filter((k) => (isBuildScript ? k.kind !== "build" : k.kind === "build") || k.kind === "dev" && !includeDev || k.platform !== null && !matchesPlatform(k.platform, info, pkg) ? !1 : !k.declared?.optional || state.features.isDepActivated(pkg.id, featuresFor, k.declared.nameInToml));
    if (kinds.length === 0) continue;
    let cause = kinds.every((k) => k.declared?.optional === !0) ? state.features.dependencyCause(pkg.id, featuresFor, kinds[0].declared.nameInToml) : null, activatedBy = cause === null ? null : causeChain(state.features, cause);
    out.push({ pkg: edge.pkg === pkg.id ? pkg : state.metadata.packages.get(edge.pkg), edge, kinds, activatedBy });
  }
  return out;
}
function maybeLib(state, unit, unitFor) {
  let { pkg } = unit, lib = state.libOf(pkg);
  if (!lib) return null;
  let libName = lib.name.replace(/-/g, "_"), named = loadedByRustc(state, unit, pkg, lib, libName);
  return lib.crateTypes.some(isLinkable) ? newUnitDep(pkg, lib, unit, unitFor, named ? { externName: libName, edge: "own-lib", platform: null, activatedBy: null } : null) : (named && unit.unlinkable.push({ pkg, externName: libName, edge: "own-lib", crateTypes: lib.crateTypes }), null);
}
function loadedByRustc(state, unit, libPkg, lib, externName) {
  return unit.mode === "doctest" ? !0 : !(lib.crateTypes.some((t) => t === "dylib" || t === "cdylib" || t === "staticlib") || reachesRustDylib(state, libPkg)) || state.sourceUsesCrate(unit.target.srcPath, externName);
}
var dylibReachers = /* @__PURE__ */ new WeakMap();
function reachesRustDylib(state, pkg) {
  let reachers = dylibReachers.get(state.metadata);
  if (reachers === void 0) {
    reachers = /* @__PURE__ */ new Set();
    let queue = [...state.metadata.packages.values()].filter((p) => state.libOf(p)?.crateTypes.includes("dylib")), dependents = /* @__PURE__ */ new Map();
    for (let p of queue.length > 0 ? state.metadata.packages.values() : [])
      for (let edge of p.deps) {
        let dep = state.metadata.packages.get(edge.pkg);
        if (dep === void 0 || dep === p || !edge.kinds.some((k) => k.kind === "normal")) continue;
        let list = dependents.get(dep);
        list ? list.push(p) : dependents.set(dep, [p]);
      }
    for (let i = 0; i < queue.length; i++)
      for (let dependent of dependents.get(queue[i]) ?? [])
        reachers.has(dependent) || (reachers.add(dependent), queue.push(dependent));
    dylibReachers.set(state.metadata, reachers);
  }
  return reachers.has(pkg);
}
function depBuildScript(unit, unitFor) {
  let script = unit.pkg.targets.find((t) => t.kind === "custom-build");
  return script ? computeDepsCustomBuild(unit.pkg, script, unitFor) : null;
}
function computeDepsCustomBuild(pkg, script, unitFor) {
  return { pkg, target: script, mode: "build", kind: "host", unitFor: { host: !0, hostFeatures: unitFor.hostFeatures, test: !1 }, link: null };
}
function newUnitDep(pkg, lib, parent, unitFor, link) {
  let depFor = withDependency(unitFor, parent, lib);
  return { pkg, target: lib, mode: "build", kind: depFor.host ? "host" : parent.kind, unitFor: depFor, link };
}
function withDependency(unitFor, parent, dep) {
  let parentKind = parent.target.kind;
  return {
    host: unitFor.host || parentKind === "custom-build" || parentKind === "proc-macro" || dep.kind === "proc-macro",
    hostFeatures: unitFor.hostFeatures || parentKind === "custom-build" || dep.kind === "proc-macro",
    test: unitFor.test || parent.mode === "test" || parent.mode === "doctest"
  };
}
function matchesPlatform(platform, info, pkg) {
  try {
    return platformMatches(platform, info.triple, info.cfg);
  } catch (e) {
    throw new UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${e.message}`);
  }
}
function featuresForUnit(unitFor) {
  return unitFor.hostFeatures ? "host" : "normal";
}
function featuresSatisfied(state, target, pkg) {
  if (target.requiredFeatures.length === 0) return !0;
  let own = state.features.activatedFeatures(pkg.id, "normal");
  return target.requiredFeatures.every((f) => {
    if (own.has(f)) return !0;
    let fv = featureValue(f);
    return fv.kind !== "dep-feature" || fv.weak ? !1 : pkg.deps.some(
      (edge) => edge.kinds.some((k) => {
        if (declarationOf(edge, k).nameInToml !== fv.depName) return !1;
        let dep = state.metadata.packages.get(edge.pkg), host = k.kind === "build" || hasProcMacroLib(dep);
        return state.features.activatedFeatures(dep.id, host ? "host" : "normal").has(fv.depFeature);
      })
    );
  });
}

// src/model/unit-graph.ts
var dependencyLists = /* @__PURE__ */ new WeakMap();
function dependenciesOf(unit) {
  let deps2 = dependencyLists.get(unit);
  return deps2 === void 0 && dependencyLists.set(unit, deps2 = [...unit.crates.map((c) => c.unit), ...unit.buildsAfter]), deps2;
}
var parentsByUnit = /* @__PURE__ */ new WeakMap();
function linkChain(from, to) {
  let previous = parentsByUnit.get(from);
  if (previous === void 0) {
    previous = /* @__PURE__ */ new Map([[from, null]]);
    let queue = [from];
    for (let i = 0; i < queue.length; i++)
      for (let dep of queue[i].crates)
        previous.has(dep.unit) || (previous.set(dep.unit, queue[i]), queue.push(dep.unit));
    parentsByUnit.set(from, previous);
  }
  if (!previous.has(to)) return [];
  let chain = [];
  for (let u = to; u !== null; u = previous.get(u) ?? null) chain.unshift(u);
  return chain;
}
function jobDependenciesOf(unit) {
  return dependenciesOf(unit).filter((dep) => dep.target.kind !== "test" && dep.target.kind !== "bin");
}
function buildUnitGraph(metadata, context, invocation, selected, sourceUsesCrate = () => !0, features = metadataFeatures(metadata), docExamplesOf = () => "run") {
  let units = [], libs = /* @__PURE__ */ new Map(), warnings = [], profile = invocation.command === "test" ? context.testProfile : context.profile, infoFor = (kind) => kind === "host" ? context.host : context.target, rootSpecs = generateRootUnits({ metadata, features }, selected, invocation, warnings), primary = new Set(rootSpecs.map((s) => s.pkg.id)), state = {
    metadata,
    units,
    infoFor,
    libOf: (pkg) => (libs.has(pkg) || libs.set(pkg, libTarget(pkg)), libs.get(pkg)),
    sourceUsesCrate,
    features,
    intern: unitInterner(units, infoFor, profile, primary, features, invocation.noRun ? () => "none" : docExamplesOf)
  }, roots = depsOfRoots(state, rootSpecs);
  return checkNamedTargets(invocation, selected), assignLto(roots, profile), { units, roots, warnings };
}
function unitInterner(units, infoFor, profile, primary, features, docExamplesOf) {
  let byKey = /* @__PURE__ */ new Map(), targetIds = /* @__PURE__ */ new Map(), featuresByPackage = /* @__PURE__ */ new Map();
  return ({ pkg, target, mode, kind, unitFor }, root) => {
    let panicForced = unitFor.host || unitFor.test || mode !== "build" || target.kind === "custom-build" || target.kind === "proc-macro", sides = featuresByPackage.get(pkg);
    sides === void 0 && featuresByPackage.set(pkg, sides = packageFeatures(features, pkg));
    let featureSide = sides.differ && unitFor.hostFeatures ? 1 : 0, targetId = targetIds.get(target);
    targetId === void 0 && targetIds.set(target, targetId = targetIds.size);
    let key = targetId * 32 + featureSide * 16 + MODE_KEY[mode] * 4 + (kind === "host" ? 2 : 0) + (panicForced ? 1 : 0), existing = byKey.get(key);
    if (existing)
      return existing.root ||= root, existing;
    let info = infoFor(kind), requested = mode === "build" ? target.crateTypes : ["bin"], crateTypes = requested.filter((t) => info.supportedCrateTypes.has(t)), droppedCrateTypes = requested.filter((t) => !info.supportedCrateTypes.has(t)), rustflags = mode === "doctest" ? [] : info.rustflags, preferDynamic = null;
    target.kind === "proc-macro" ? preferDynamic = "proc-macro" : mode === "build" && target.crateTypes.includes("dylib") && !primary.has(pkg.id) ? preferDynamic = "non-primary-dylib" : flagEnabled(codegenOptions(rustflags, "prefer-dynamic")) && (preferDynamic = "rustflags");
    let { panic, panicSource } = panicOf(profile, panicForced, rustflags), unit = {
      index: units.length,
      pkg,
      target,
      mode,
      kind,
      features: unitFor.hostFeatures ? sides.host : sides.normal,
      crateTypes,
      droppedCrateTypes,
      preferDynamic,
      panic,
      panicSource,
      lto: { kind: "object-and-bitcode" },
      // `run_doc_tests` passes no `-C rpath`.
      rpath: mode !== "doctest" && profile.rpath,
      crtStatic: target.kind === "proc-macro" ? !1 : info.crtStaticExecutables,
      rustflags,
      targetInfo: info,
      crates: [],
      unlinkable: [],
      buildsAfter: [],
      docExamples: mode === "doctest" ? docExamplesOf(target) : null,
      root,
      primary: primary.has(pkg.id)
    };
    return units.push(unit), byKey.set(key, unit), unit;
  };
}
function packageFeatures(features, pkg) {
  let normal = Object.freeze([...features.activatedFeatures(pkg.id, "normal").keys()].sort()), host = Object.freeze([...features.activatedFeatures(pkg.id, "host").keys()].sort()), differ = normal.length !== host.length || normal.some((f, i) => f !== host[i]);
  return { normal, host: differ ? host : normal, differ };
}
var MODE_KEY = { build: 0, test: 1, doctest: 2 };
function libTarget(pkg) {
  return pkg.targets.find((t) => t.kind === "lib" || t.kind === "proc-macro");
}
function panicOf(profile, forcedUnwind, rustflags) {
  let fromFlags = codegenOptions(rustflags, "panic"), last = fromFlags[fromFlags.length - 1];
  return last === "abort" || last === "unwind" ? { panic: last, panicSource: "rustflags" } : forcedUnwind ? { panic: "unwind", panicSource: "forced-unwind" } : { panic: profile.panic, panicSource: profile.sources.panic ? "profile" : "default" };
}
function generateRootUnits(state, selected, invocation, warnings) {
  let roots = [];
  for (let pkg of selected)
    for (let { target, mode } of createProposals(state, pkg, invocation, warnings)) {
      let procMacro = target.kind === "proc-macro";
      roots.push({ pkg, target, mode, kind: procMacro ? "host" : "target", unitFor: { host: procMacro, hostFeatures: procMacro, test: !1 } });
    }
  if (invocation.doc && roots.length === 0) {
    let names = selected.map((p) => p.name);
    throw new UserError(names.length === 1 ? `no library targets found in package \`${names[0]}\`` : `no library targets found in packages: ${names.join(", ")}`);
  }
  return roots;
}
function createProposals(state, pkg, inv, warnings) {
  let t = inv.targets, out = [], add = (target, mode) => {
    if (!featuresSatisfied(state, target, pkg)) {
      warnings.push(
        `target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${target.requiredFeatures.map((f) => `\`${f}\``).join(", ")}`
      );
      return;
    }
    out.some((s) => s.target === target && s.mode === mode) || out.push({ target, mode });
  }, lib = libTarget(pkg), of = (kind) => pkg.targets.filter((x) => x.kind === kind);
  if (inv.doc)
    return lib && isDoctestable(lib) ? add(lib, "doctest") : lib && warnings.push(`doc tests are not supported for crate type(s) \`${lib.crateTypes.join(", ")}\` in package \`${pkg.name}\``), out;
  let testMode = inv.command === "test" ? "test" : "build";
  if (!selectsTargets(inv)) {
    if (inv.command === "build") {
      lib && add(lib, "build");
      for (let b of of("bin")) add(b, "build");
    } else {
      lib && lib.test && add(lib, "test");
      for (let b of of("bin")) b.test && add(b, "test");
      for (let e of of("example")) add(e, e.test ? "test" : "build");
      for (let x of of("test")) x.test && add(x, "test");
      for (let x of of("bench")) x.test && add(x, "test");
      lib && lib.doctest && isDoctestable(lib) && out.push({ target: lib, mode: "doctest" });
    }
    return out;
  }
  let all = t.allTargets;
  if ((t.lib || all) && lib && add(lib, testMode), t.bins || all) for (let b of of("bin")) add(b, testMode);
  for (let name of t.bin) for (let b of of("bin").filter((b2) => b2.name === name)) add(b, testMode);
  if (t.examples || all) for (let e of of("example")) add(e, testMode);
  for (let name of t.example) for (let e of of("example").filter((e2) => e2.name === name)) add(e, testMode);
  if (t.tests || all) {
    lib && lib.test && add(lib, "test");
    for (let x of pkg.targets) x.test && x.kind !== "lib" && x.kind !== "proc-macro" && x.kind !== "custom-build" && add(x, "test");
  }
  for (let name of t.test) for (let x of of("test").filter((x2) => x2.name === name)) add(x, "test");
  if (t.benches || all) {
    lib && add(lib, "test");
    for (let b of of("bin")) add(b, "test");
    for (let x of of("bench")) add(x, "test");
  }
  for (let name of t.bench) for (let x of of("bench").filter((x2) => x2.name === name)) add(x, "test");
  return out;
}
function isDoctestable(lib) {
  return lib.crateTypes.some((t) => t === "lib" || t === "rlib" || t === "proc-macro");
}
function checkNamedTargets(inv, selected) {
  let check = (names, kind, flag) => {
    for (let name of names)
      if (!selected.some((p) => p.targets.some((t) => t.kind === kind && t.name === name)))
        throw new UserError(`no ${kind} target named \`${name}\` in the selected packages (\`${flag} ${name}\`)`);
  };
  check(inv.targets.bin, "bin", "--bin"), check(inv.targets.example, "example", "--example"), check(inv.targets.test, "test", "--test"), check(inv.targets.bench, "bench", "--bench");
}
function assignLto(roots, profile) {
  let assigned = /* @__PURE__ */ new Map(), forHost = (u) => u.target.kind === "proc-macro" || u.target.kind === "custom-build", requestedTypes = (u) => u.mode === "build" ? u.target.crateTypes : ["bin"], needsObject = (types) => types.some((t) => canLto(t) || isDynamic(t)), whenNeedsObject = (types) => types.every((t) => t === "dylib") ? { kind: "only-object" } : { kind: "object-and-bitcode" }, fromProfile = () => {
    switch (profile.lto) {
      case "false":
        return { kind: "only-object" };
      case "off":
        return { kind: "off" };
      case "true":
        return { kind: "run", value: null };
      default:
        return { kind: "run", value: profile.lto };
    }
  }, merge = (a, b) => a.kind === "run" ? a : b.kind === "run" ? b : a.kind === "off" || b.kind === "off" ? { kind: "off" } : a.kind === b.kind ? a : { kind: "object-and-bitcode" }, stack = [], calculate2 = (unit, parent) => {
    let types = requestedTypes(unit), lto;
    forHost(unit) ? lto = { kind: "only-object" } : types.every(canLto) ? lto = fromProfile() : parent.kind === "run" ? lto = needsObject(types) ? whenNeedsObject(types) : { kind: "only-bitcode" } : parent.kind === "only-bitcode" && needsObject(types) ? lto = whenNeedsObject(types) : parent.kind === "off" ? lto = { kind: "off" } : lto = parent;
    let previous = assigned.get(unit), merged = previous ? merge(previous, lto) : lto;
    previous && previous.kind === merged.kind || (assigned.set(unit, merged), unit.lto = merged, stack.push({ deps: dependenciesOf(unit), lto: merged, next: 0 }));
  };
  for (let root of roots) {
    let types = requestedTypes(root), rootLto;
    for (profile.lto === "false" ? rootLto = { kind: "only-object" } : profile.lto === "off" ? rootLto = { kind: "off" } : forHost(root) ? rootLto = { kind: "only-object" } : needsObject(types) ? rootLto = whenNeedsObject(types) : rootLto = { kind: "only-bitcode" }, calculate2(root, rootLto); stack.length > 0; ) {
      let frame = stack[stack.length - 1], dep = frame.deps[frame.next++];
      dep === void 0 ? stack.pop() : calculate2(dep, frame.lto);
    }
  }
}

// src/linkage/dependency-format.ts
function crateName(tcx, key) {
  return tcx.byKey ??= new Map(tcx.crates.map((c) => [c.key, c])), tcx.byKey.get(key)?.name ?? key;
}
function calculate(crateType, session, crates, injectedPanicRuntime) {
  let tcx = { session, crates, injectedPanicRuntime, errors: [], byKey: null }, { linkage, via } = calculateType(tcx, crateType);
  return verifyOk(tcx, linkage), { linkage, via, errors: tcx.errors };
}
function calculateType(tcx, ty) {
  let sess = tcx.session, nothing = () => ({ linkage: [], via: /* @__PURE__ */ new Map() }), preferredLinkage;
  switch (ty) {
    // Without `-C prefer-dynamic`, a dylib or cdylib links everything statically it can.
    case "dylib":
    case "cdylib":
      preferredLinkage = sess.preferDynamic ? "dynamic" : "static";
      break;
    case "staticlib":
      preferredLinkage = sess.staticlibPreferDynamic ? "dynamic" : "static";
      break;
    // An executable prefers static linkage unless `-C prefer-dynamic`, and always when crt-static.
    case "bin":
      preferredLinkage = !sess.preferDynamic || sess.crtStatic ? "static" : "dynamic";
      break;
    // rustc ignores `-C prefer-dynamic` for proc-macros.
    case "proc-macro":
      preferredLinkage = "static";
      break;
    // An rlib does not link.
    case "rlib":
      preferredLinkage = "not-linked";
      break;
  }
  switch (preferredLinkage) {
    case "not-linked":
      return nothing();
    case "static": {
      let linkage = attemptStatic(tcx);
      if (linkage !== null) return { linkage, via: /* @__PURE__ */ new Map() };
      if (ty === "staticlib" && !sess.staticlibAllowRdylibDeps || ty === "bin" && sess.crtStatic && !sess.crtStaticAllowsDylibs) {
        for (let c of tcx.crates)
          c.depKind === "macros-only" || c.rlib || tcx.errors.push({ kind: "rlib-required", crate: c.name });
        return nothing();
      }
      break;
    }
  }
  let formats = /* @__PURE__ */ new Map();
  for (let c of tcx.crates)
    if (!(c.depKind === "macros-only" || !c.dylib)) {
      addLibrary(tcx, c.key, { preference: "dynamic", via: null }, formats);
      for (let [dep, style] of c.dylibFormats ?? []) addLibrary(tcx, dep, { preference: style, via: c.key }, formats);
    }
  let ret = [], via = /* @__PURE__ */ new Map();
  for (let c of tcx.crates) {
    let f = formats.get(c.key);
    ret.push(f === void 0 ? "not-linked" : f.preference === "dynamic" ? "dynamic" : "included-from-dylib"), f?.via && via.set(c.key, f.via);
  }
  for (let [cnum, c] of tcx.crates.entries())
    !c.dylib && !formats.has(c.key) && c.depKind === "explicit" && (addLibrary(tcx, c.key, { preference: "static", via: null }, formats), ret[cnum] = "static");
  activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates);
  for (let [cnum, c] of tcx.crates.entries()) {
    let kind = ret[cnum];
    kind === "static" && !c.rlib && tcx.errors.push({ kind: "lib-required", crate: c.name, format: "rlib" }), kind === "dynamic" && !c.dylib && tcx.errors.push({ kind: "lib-required", crate: c.name, format: "dylib" });
  }
  return { linkage: ret, via };
}
function addLibrary(tcx, cnum, link, m) {
  let link2 = m.get(cnum);
  if (link2 === void 0) {
    m.set(cnum, link);
    return;
  }
  (link2.preference !== link.preference || link.preference === "static") && tcx.errors.push({ kind: "crate-dep-multiple", crate: crateName(tcx, cnum), existing: link2, incoming: link });
}
function attemptStatic(tcx) {
  if (!tcx.crates.every((c) => c.depKind === "macros-only" || c.rlib)) return null;
  let ret = tcx.crates.map((c) => c.depKind === "explicit" ? "static" : "not-linked");
  return activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates), ret;
}
function activateInjectedDep(injected, list, crates) {
  for (let cnum2 = 0; cnum2 < crates.length; cnum2++)
    if (crates[cnum2].isPanicRuntime && list[cnum2] !== "not-linked") return;
  if (injected === null) return;
  let cnum = crates.findIndex((c) => c.key === injected);
  if (cnum < 0) throw new Error(`the injected panic runtime \`${injected}\` is not in the crate graph`);
  list[cnum] = "static";
}
function verifyOk(tcx, list) {
  if (list.length === 0) return;
  let linked = (cnum) => list[cnum] !== "not-linked", panicRuntime = null;
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    let c = tcx.crates[cnum];
    !linked(cnum) || !c.isPanicRuntime || (panicRuntime !== null && tcx.errors.push({ kind: "two-panic-runtimes", first: panicRuntime.name, second: c.name }), panicRuntime = c);
  }
  if (panicRuntime === null) return;
  let desiredStrategy = tcx.session.panic;
  panicRuntime.requiredPanic !== desiredStrategy && tcx.errors.push({ kind: "bad-panic-strategy", runtime: panicRuntime.name, strategy: desiredStrategy });
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    let c = tcx.crates[cnum];
    linked(cnum) && (c === panicRuntime || c.name === "compiler_builtins" || c.requiredPanic !== null && c.requiredPanic !== desiredStrategy && tcx.errors.push({ kind: "required-panic-strategy", crate: c.name, found: c.requiredPanic, desired: desiredStrategy }));
  }
}
function recordedFormats(crates, result) {
  let out = /* @__PURE__ */ new Map();
  return result.linkage.forEach((l, cnum) => {
    l === "static" ? out.set(crates[cnum].key, "static") : l === "dynamic" && out.set(crates[cnum].key, "dynamic");
  }), out;
}

// src/linkage/static-pie.ts
function staticPieWithRunPath(unit) {
  if (!unit.crtStatic || !unit.rpath) return null;
  let what = unit.target.kind === "custom-build" ? "build-script" : unit.mode === "test" ? "test-harness" : unit.mode === "build" && unit.crateTypes.includes("bin") ? "program" : null;
  if (what === null) return null;
  let cfg = unit.targetInfo.cfg.values;
  if (!(cfg.get("target_os")?.has("linux") && cfg.get("target_env")?.has("gnu") && cfg.get("target_arch")?.has("x86_64") && cfg.get("target_pointer_width")?.has("64"))) return null;
  let model = codegenOptions(unit.rustflags, "relocation-model").at(-1) ?? "default";
  return model === "default" || model === "pic" || model === "pie" ? what : null;
}

// src/linkage/resolve.ts
var SYSROOT_INTERNALS = ["core", "alloc", "compiler_builtins"];
function resolveLinkage(graph, compiler) {
  let byUnit = /* @__PURE__ */ new Map(), crateNames = /* @__PURE__ */ new Map();
  for (let name of ["std", ...SYSROOT_INTERNALS, "panic_unwind", "panic_abort", "test", "proc_macro"])
    crateNames.set(sysKey(name), { name, unit: null });
  let unbuildable = graph.units.filter((u) => u.crateTypes.length === 0), walks = newWalks(graph.units.length);
  for (let unit of topologicalOrder(graph))
    crateNames.set(unitKey(unit), { name: crateName2(unit), unit }), unbuildable.length === 0 ? byUnit.set(unit, resolveUnit(unit, byUnit, graph.units, compiler, walks)) : unbuildable.includes(unit) ? byUnit.set(unit, refusedResult(unit)) : byUnit.set(unit, { ...emptyResult(unit, []), status: "blocked", blockedBy: unbuildable });
  return { results: graph.units.map((u) => byUnit.get(u)), byUnit, crateNames };
}
function unitKey(unit) {
  return `u${unit.index}`;
}
function unitOfKey(key, units) {
  return key.startsWith("u") ? units[Number(key.slice(1))] : void 0;
}
function sysKey(name) {
  return `sys:${name}`;
}
function crateName2(unit) {
  return unit.target.name.replace(/-/g, "_");
}
function topologicalOrder(graph) {
  let order = [], state = /* @__PURE__ */ new Map(), stack = [], enter = (unit) => {
    let s = state.get(unit);
    if (s !== "done") {
      if (s === "visiting") throw new Error(`dependency cycle through \`${unit.pkg.name}\` (${unit.target.kind} \`${unit.target.name}\`)`);
      state.set(unit, "visiting"), stack.push({ unit, deps: dependenciesOf(unit), next: 0 });
    }
  };
  for (let root of graph.units)
    for (enter(root); stack.length > 0; ) {
      let frame = stack[stack.length - 1], dep = frame.deps[frame.next++];
      if (dep !== void 0) {
        enter(dep);
        continue;
      }
      stack.pop(), state.set(frame.unit, "done"), order.push(frame.unit);
    }
  return order;
}
function resolveUnit(unit, done, units, compiler, walks) {
  let blockedBy = jobDependenciesOf(unit).filter((d) => done.get(d).status !== "ok" || staticPieWithRunPath(d) === "build-script");
  if (unit.docExamples === "none" && blockedBy.length === 0) return emptyResult(unit, []);
  let links = unit.crateTypes.some(requiresUpstreamObjects), crates = links && blockedBy.length === 0 ? crateGraph(unit, done, compiler, walks) : [], base2 = emptyResult(unit, crates);
  if (blockedBy.length > 0)
    return { ...base2, status: "blocked", blockedBy: [...new Set(blockedBy)] };
  let phases = [
    () => windowsLinkerPluginLto(unit) ? [{ kind: "lto", crateType: null, gate: "linker-plugin-windows" }] : [],
    () => ltoRequested(unit) && embedBitcodeOff(unit) ? [{ kind: "embed-bitcode-lto" }] : [],
    () => panicAbortTestRefused(unit) ? [{ kind: "panic-abort-test" }] : [],
    () => [
      ...unit.unlinkable.map((dep) => ({ kind: "unlinkable-dependency", dep })),
      ...compiler.loadsProcMacrosWithDynamicStd ? [] : unloadableProcMacros(unit, done)
    ]
  ];
  for (let phase of phases) {
    let problems2 = phase();
    if (problems2.length > 0) return { ...base2, status: "error", problems: problems2, droppedCrateTypes: unit.droppedCrateTypes };
  }
  let session = {
    preferDynamic: unit.preferDynamic !== null,
    crtStatic: unit.crtStatic,
    crtStaticAllowsDylibs: unit.targetInfo.crtStaticAllowsDylibs ?? !1,
    panic: unit.panic,
    staticlibPreferDynamic: flagEnabled(unstableOptions(unit.rustflags, "staticlib-prefer-dynamic")),
    staticlibAllowRdylibDeps: flagEnabled(unstableOptions(unit.rustflags, "staticlib-allow-rdylib-deps"))
  }, injected = links ? sysKey(unit.panic === "abort" ? "panic_abort" : "panic_unwind") : null, artifacts = [], problems = [], dylibFormats = null;
  for (let crateType of unit.crateTypes) {
    if (crateType === "lib" || crateType === "rlib") {
      artifacts.push({ crateType, formats: null });
      continue;
    }
    let formats = calculate(crateType, session, crates, injected);
    artifacts.push({ crateType, formats });
    for (let error of formats.errors) problems.push({ kind: "dependency-format", crateType, error });
    crateType === "dylib" && (dylibFormats = recordedFormats(crates, formats));
  }
  return problems.length === 0 && problems.push(...ltoGate(unit)), {
    ...base2,
    status: problems.length > 0 ? "error" : "ok",
    problems,
    droppedCrateTypes: unit.droppedCrateTypes,
    artifacts,
    runtimeLibraries: runtimeLibraries(unit, crates, artifacts, done, units),
    dylibFormats
  };
}
function panicAbortTestRefused(unit) {
  return unit.mode !== "test" || unit.panic !== "abort" || flagEnabled(unstableOptions(unit.rustflags, "panic-abort-tests")) ? !1 : !cfgHas(unit.targetInfo.cfg, "target_family", "wasm");
}
function refusedResult(unit) {
  let problem = { kind: "unsupported-crate-types", dropped: unit.droppedCrateTypes, allDropped: !0 };
  return { ...emptyResult(unit, []), status: "error", problems: [problem], droppedCrateTypes: unit.droppedCrateTypes };
}
function emptyResult(unit, crates) {
  return {
    unit,
    status: "ok",
    blockedBy: [],
    problems: [],
    droppedCrateTypes: [],
    artifacts: [],
    crates,
    runtimeLibraries: [],
    dylibFormats: null
  };
}
var stdNodes = /* @__PURE__ */ new WeakMap();
function newWalks(units) {
  return { nodes: new Array(units), loaded: new Uint32Array(units), walk: 0, graph: [], stack: [], transitive: [] };
}
function crateGraph(unit, done, compiler, walks) {
  let info = unit.targetInfo, shape = `${unit.mode === "test" ? "test" : "build"}${unit.crateTypes.includes("proc-macro") ? "+proc-macro" : ""}`, perTarget = stdNodes.get(info);
  perTarget || stdNodes.set(info, perTarget = /* @__PURE__ */ new Map());
  let std = perTarget.get(shape);
  std || perTarget.set(shape, std = stdCrates(unit));
  let walk = ++walks.walk, { loaded, nodes, graph, stack, transitive } = walks, length = 0;
  for (let c of std) graph[length++] = c;
  for (let i = unit.crates.length - 1; i >= 0; i--)
    stack.push(unit.crates[i].unit), transitive.push(!1);
  for (; stack.length > 0; ) {
    let dep = stack.pop(), throughAnother = transitive.pop();
    if (loaded[dep.index] === walk) continue;
    loaded[dep.index] = walk;
    let macrosOnly = dep.target.kind === "proc-macro", node = nodes[dep.index];
    if (node || (node = {
      key: unitKey(dep),
      name: crateName2(dep),
      rlib: providesRlib(dep.crateTypes),
      dylib: providesDylib(dep.crateTypes),
      depKind: macrosOnly ? "macros-only" : "explicit",
      isPanicRuntime: !1,
      requiredPanic: dep.panic === "abort" ? "abort" : null,
      dylibFormats: done.get(dep)?.dylibFormats ?? null
    }, nodes[dep.index] = node), graph[length++] = throughAnother && readsCdylibAsDylib(dep, compiler) ? cdylibAsDylibNode(dep, node) : node, !macrosOnly)
      for (let i = dep.crates.length - 1; i >= 0; i--) {
        let next = dep.crates[i].unit;
        loaded[next.index] !== walk && (stack.push(next), transitive.push(!0));
      }
  }
  return graph.slice(0, length);
}
function readsCdylibAsDylib(dep, compiler) {
  return compiler.readsCdylibAsDylib && dep.crateTypes.includes("cdylib") && providesRlib(dep.crateTypes) && !providesDylib(dep.crateTypes);
}
var cdylibNodes = /* @__PURE__ */ new WeakMap();
function cdylibAsDylibNode(dep, node) {
  let fake = cdylibNodes.get(dep);
  return fake || cdylibNodes.set(dep, fake = { ...node, dylib: !0, dylibFormats: /* @__PURE__ */ new Map() }), fake;
}
function stdCrates(unit) {
  let info = unit.targetInfo, std = [], sys = (name, extra = {}) => ({
    key: sysKey(name),
    name,
    rlib: !0,
    dylib: !1,
    depKind: "explicit",
    isPanicRuntime: !1,
    requiredPanic: null,
    dylibFormats: null,
    ...extra
  }), internals = [...SYSROOT_INTERNALS.map((n) => sys(n)), sys("panic_unwind", { depKind: "implicit", isPanicRuntime: !0, requiredPanic: "unwind" })], stdFormats = null;
  return info.stdDylib !== null && (stdFormats = new Map(internals.map((c) => [c.key, "static"]))), std.push(sys("std", { dylib: info.stdDylib !== null, dylibFormats: stdFormats }), ...internals), std.push(sys("panic_abort", { depKind: "implicit", isPanicRuntime: !0, requiredPanic: "abort" })), unit.mode === "test" && std.push(sys("test")), unit.crateTypes.includes("proc-macro") && std.push(sys("proc_macro")), std;
}
function unloadableProcMacros(unit, done) {
  let problems = [];
  for (let dep of unit.crates) {
    if (dep.unit.target.kind !== "proc-macro" || dep.unit.rpath) continue;
    let result = done.get(dep.unit), std = dep.unit.targetInfo.stdDylib, libraries = result.runtimeLibraries.filter((l) => l !== std);
    libraries.length > 0 && problems.push({ kind: "proc-macro-unloadable", procMacro: dep.unit, libraries });
  }
  return problems;
}
function runtimeLibraries(unit, crates, artifacts, done, units) {
  let out = /* @__PURE__ */ new Set(), std = sysKey("std");
  for (let key of dynamicCrates({ crates, artifacts })) {
    if (key === std) {
      unit.targetInfo.stdDylib && out.add(unit.targetInfo.stdDylib);
      continue;
    }
    let dep = unitOfKey(key, units);
    if (dep) {
      out.add(dylibFileName(dep));
      for (let lib of done.get(dep)?.runtimeLibraries ?? []) out.add(lib);
    }
  }
  return [...out].sort();
}
function dynamicCrates({ crates, artifacts }) {
  let keys = [];
  for (let a of artifacts) {
    let linkage = a.formats?.linkage ?? [];
    for (let cnum = 0; cnum < linkage.length; cnum++)
      linkage[cnum] === "dynamic" && !keys.includes(crates[cnum].key) && keys.push(crates[cnum].key);
  }
  return keys;
}
function linksAs(result, key, how) {
  let cnum = result.crates.findIndex((c) => c.key === key);
  return cnum >= 0 && result.artifacts.some((a) => a.formats?.linkage[cnum] === how);
}
function dylibFileName(unit) {
  let pattern = unit.targetInfo.fileNames.dylib ?? "lib___.so", name = crateName2(unit) + (unit.pkg.source === null ? "" : "-<hash>");
  return pattern.replace("___", name);
}
function cargoLtoOption(lto) {
  switch (lto.kind) {
    case "run":
      return ["lto", lto.value ?? ""];
    case "off":
      return ["lto", "off"];
    case "only-bitcode":
      return ["linker-plugin-lto", ""];
    case "only-object":
      return ["embed-bitcode", "no"];
    case "object-and-bitcode":
      return null;
  }
}
var OFF = /* @__PURE__ */ new Set(["no", "n", "off", "false"]);
function ltoCodegenOption(unit, name) {
  let values = codegenOptions(unit.rustflags, name);
  if (values.length > 0) return values[values.length - 1];
  let cargo = cargoLtoOption(unit.lto);
  return cargo !== null && cargo[0] === name ? cargo[1] : void 0;
}
function effectiveLto(unit) {
  let last = ltoCodegenOption(unit, "lto");
  return last === void 0 || OFF.has(last) ? null : last === "thin" ? "thin" : "fat";
}
function ltoRequested(unit) {
  return effectiveLto(unit) !== null;
}
function embedBitcodeOff(unit) {
  let last = ltoCodegenOption(unit, "embed-bitcode");
  return last !== void 0 && OFF.has(last);
}
function windowsLinkerPluginLto(unit) {
  if (unit.preferDynamic === null || !isLikeWindows(unit.targetInfo)) return !1;
  let last = ltoCodegenOption(unit, "linker-plugin-lto");
  return last !== void 0 && !OFF.has(last.toLowerCase());
}
function ltoGate(unit) {
  if (effectiveLto(unit) === null) return [];
  let types = unit.crateTypes;
  if (types.every((t) => t === "lib" || t === "rlib")) return [];
  for (let t of types) {
    if (t === "lib" || t === "rlib") return [{ kind: "lto", crateType: "rlib", gate: "mixed" }];
    if (t === "dylib") return [{ kind: "lto", crateType: "dylib", gate: "dylib" }];
    if (t === "proc-macro") return [{ kind: "lto", crateType: "proc-macro", gate: "proc-macro" }];
  }
  return unit.preferDynamic !== null ? [{ kind: "lto", crateType: null, gate: "prefer-dynamic" }] : [];
}

// src/fixes/candidates.ts
function candidatesFor(input) {
  let { finding: finding2, result } = input;
  if (result === null) return [];
  switch (finding2.rule) {
    case "duplicate-linkage":
      return duplicateCandidates(input, result);
    case "rlib-required":
      return addRlib(input, finding2.crates.map((c) => unitNamed(result, input.linkage, c)));
    case "no-linkable-lib":
      return addRlib(input, result.problems.flatMap((p) => p.kind === "unlinkable-dependency" ? [p.dep] : []));
    case "proc-macro-dylib":
      return addRlib(input, result.problems.flatMap((p) => p.kind === "proc-macro-unloadable" ? dylibsOf(p.procMacro, input.linkage) : []));
    case "unsupported-crate-type":
      return result.unit.target.kind === "lib" ? addRlib(input, [result.unit]) : [];
    case "panic-strategy":
      return panicCandidates(result.unit);
    case "lto-conflict":
      return ltoCandidates(result);
    case "static-pie-rpath":
      return [profileCandidate(result.unit, { setting: "rpath", value: !1 }, "Set `rpath = false` in the profile: a statically linked executable loads no Rust shared library.")];
    default:
      return [];
  }
}
function duplicateCandidates(input, result) {
  let { finding: finding2, linkage, model } = input, unit = result.unit, errors = result.problems.flatMap(
    (p) => p.kind === "dependency-format" && p.crateType === finding2.crateType && p.error.kind === "crate-dep-multiple" ? [p.error] : []
  ), containing = /* @__PURE__ */ new Set();
  for (let e of errors)
    for (let origin of [e.existing, e.incoming]) {
      let via = origin.via === null ? null : linkage.crateNames.get(origin.via)?.unit ?? null;
      via !== null && origin.preference === "static" && containing.add(via);
    }
  let out = addRlib(input, [...containing]), selected = model.invocation.packages;
  unit.kind === "target" && !(selected.length === 1 && selected[0] === unit.pkg.name) && out.push({
    title: `Build only the package you ship: \`cargo ${model.invocation.command} -p ${unit.pkg.name}\` (its dylib dependencies are then built with \`-C prefer-dynamic\`).`,
    kind: "command",
    changes: [{ kind: "select", packages: [unit.pkg.name] }]
  });
  let excluded = [...containing].filter((u) => u.pkg.source === null && u !== unit).map((u) => u.pkg.name);
  excluded.length > 0 && selected.length === 0 && out.push({
    title: `Leave ${listCrates(excluded)} out of the workspace build: \`--workspace ${excluded.map((n) => `--exclude ${n}`).join(" ")}\`.`,
    kind: "command",
    changes: [{ kind: "exclude", packages: excluded }]
  });
  for (let feature of commandLineFeatures(finding2, model))
    out.push({
      title: `Build without \`--features ${feature}\`: it is what turns on the dylib. Enable it only where it is meant for, e.g. \`cargo run --features ${feature}\` during development.`,
      kind: "command",
      changes: [{ kind: "drop-feature", feature }]
    });
  return finding2.crates.includes("std") && !flagEnabled(codegenOptions(unit.rustflags, "prefer-dynamic")) && out.push({
    title: 'Build everything with `RUSTFLAGS="-C prefer-dynamic"`: every dylib then links `std` dynamically and shares `libstd` with the executable.',
    kind: "flag",
    changes: [{ kind: "add-prefer-dynamic" }]
  }), out;
}
function commandLineFeatures(finding2, model) {
  let asked = new Set(model.invocation.features), out = /* @__PURE__ */ new Set();
  for (let path2 of finding2.inclusion ?? [])
    for (let step of path2.features ?? []) {
      let request = step.by === "command-line" ? step.name : step.commandLine?.replace(/^--features\s+/, "") ?? null;
      request !== null && asked.has(request) && out.add(request);
    }
  return [...out];
}
function addRlib(input, units) {
  let packages = [...new Set(units.filter((u) => u !== null).map((u) => u.pkg))].filter(
    (pkg) => pkg.source === null && input.model.metadata.packages.has(pkg.id)
  ), changes = [];
  for (let pkg of packages) {
    let lib = pkg.targets.find((t) => t.kind === "lib");
    !lib || providesRlib(lib.crateTypes) || changes.push({ kind: "crate-types", pkg, types: [...lib.crateTypes, "rlib"] });
  }
  return changes.length === 0 ? [] : [{ title: rlibTitle(changes.map((c) => c.kind === "crate-types" ? c.pkg.name : "")), kind: "manifest-edit", changes }];
}
function rlibTitle(names) {
  return `Add \`"rlib"\` to \`crate-type\` of ${listCrates(names)}: Rust dependents then link ${names.length === 1 ? "it" : "them"} statically, and the dylib is still built.`;
}
function panicCandidates(unit) {
  return unit.panic !== "abort" ? [] : unit.panicSource === "rustflags" ? [{ title: "Drop `-C panic=abort` from rustflags for this build.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "panic" }] }] : [profileCandidate(unit, { setting: "panic", value: "unwind" }, 'Set `panic = "unwind"` in the profile: `libstd` and Rust dylibs are always built with unwinding.')];
}
function ltoCandidates(result) {
  let unit = result.unit, out = [];
  for (let p of result.problems)
    p.kind === "lto" && (p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows") && (unit.preferDynamic === "rustflags" && out.push({ title: "Drop `-C prefer-dynamic` from rustflags for LTO builds.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "prefer-dynamic" }] }), (unit.lto.kind === "run" || unit.lto.kind === "only-bitcode") && out.push(profileCandidate(unit, { setting: "lto", value: "false" }, "Set `lto = false` in the profile of builds that link dynamically."))), (p.kind === "lto" && p.gate !== "linker-plugin-windows" && unit.lto.kind !== "run" || p.kind === "embed-bitcode-lto") && out.push({ title: "Drop `-C lto` from rustflags; `lto = true` in the profile applies LTO only where rustc allows it.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "lto" }] });
  return out;
}
function profileCandidate(unit, change, title) {
  return { title, kind: "manifest-edit", changes: [{ kind: "profile", profile: unit.mode === "build" ? "build" : "test", change }] };
}
function unitNamed(result, linkage, name) {
  let node = result.crates.find((c) => c.name === name);
  return node === void 0 ? null : linkage.crateNames.get(node.key)?.unit ?? null;
}
function dylibsOf(procMacro, linkage) {
  return (linkage.byUnit.get(procMacro)?.crates ?? []).map((c) => linkage.crateNames.get(c.key)?.unit ?? null).filter((u) => u !== null && u.crateTypes.includes("dylib") && crateName2(u) !== crateName2(procMacro));
}

// src/fixes/changes.ts
function changesKey(changes) {
  return JSON.stringify(changes.map((c) => c.kind === "crate-types" ? { ...c, pkg: c.pkg.id } : c));
}
function applyChanges(model, changes) {
  return changes.reduce(applyChange, model);
}
function applyChange(model, change) {
  let { metadata, context, invocation } = model;
  switch (change.kind) {
    case "crate-types": {
      let pkg = metadata.packages.get(change.pkg.id);
      if (!pkg) return model;
      let targets = pkg.targets.map((t) => t.kind === "lib" ? { ...t, crateTypes: [...change.types] } : t), packages = new Map(metadata.packages);
      return packages.set(pkg.id, { ...pkg, targets }), { ...model, metadata: { ...metadata, packages } };
    }
    case "select":
      return { ...model, invocation: { ...invocation, packages: [...change.packages], workspace: !1, exclude: [] } };
    case "exclude":
      return { ...model, invocation: { ...invocation, packages: [], workspace: !0, exclude: [...invocation.exclude, ...change.packages] } };
    case "drop-feature":
      return { ...model, invocation: { ...invocation, features: invocation.features.filter((f) => f !== change.feature) } };
    case "add-prefer-dynamic":
      return { ...model, context: withRustflags(context, (flags) => [...flags, "-C", "prefer-dynamic"]) };
    case "drop-codegen-option":
      return { ...model, context: withRustflags(context, (flags) => withoutCodegenOption(flags, change.option)) };
    case "profile": {
      let { setting, value } = change.change, edited = context[change.profile === "build" ? "profile" : "testProfile"], same = (p) => p === edited || sameSource(p.sources[setting], edited.sources[setting]), set = (p) => same(p) ? { ...p, [setting]: value } : p;
      return { ...model, context: { ...context, profile: set(context.profile), testProfile: set(context.testProfile) } };
    }
  }
}
function sameSource(a, b) {
  return a === void 0 || b === void 0 ? !1 : "file" in a ? "file" in b && a.file === b.file && a.line === b.line : "env" in b && a.env === b.env;
}
function withRustflags(context, edit) {
  let info = (t) => ({ ...t, rustflags: edit(t.rustflags) }), target = info(context.target);
  return { ...context, target, host: context.host === context.target ? target : info(context.host) };
}
function withoutCodegenOption(flags, option) {
  let options = readRustflags(flags), dropped = /* @__PURE__ */ new Set();
  for (let o of options)
    o.name !== "-C" || optionKey(o.value) !== option || options.some((other) => other !== o && other.token === o.token) || (dropped.add(o.token), o.separateValue && dropped.add(o.token + 1));
  return flags.filter((_, i) => !dropped.has(i));
}

// src/fixes/verify.ts
var MAX_REANALYSES = 12, MAX_REANALYSED_UNITS = 4e3, MAX_VERIFIED_UNITS = 4e3, MAX_WIDENINGS = 3;
function withVerifiedFixes(input) {
  let { analysis } = input, errors = new Set(analysis.findings.filter((f) => f.severity === "error").map((f) => f.fingerprint));
  if (errors.size === 0) return { findings: analysis.findings, note: null };
  let units = input.linkage.results.length, tooLarge = units > MAX_VERIFIED_UNITS, note = tooLarge ? `Fixes are not verified: the invocation builds ${units} units, and the engine analyses an invocation again with a fix applied only up to ${MAX_VERIFIED_UNITS} units. Select fewer packages (\`-p\`) to get verified fixes.` : null, outcomes = /* @__PURE__ */ new Map(), analysed = (changes) => {
    let key = changesKey(changes);
    if (!outcomes.has(key)) {
      if (tooLarge || outcomes.size >= MAX_REANALYSES || (outcomes.size + 1) * units > MAX_REANALYSED_UNITS) return null;
      outcomes.set(key, input.reanalyse(applyChanges(input.model, changes)));
    }
    return outcomes.get(key);
  }, own = /* @__PURE__ */ new Map(), byArtifact = /* @__PURE__ */ new Map(), results = resultsByArtifact(input.linkage);
  for (let finding2 of analysis.findings) {
    if (finding2.severity !== "error") continue;
    let candidates = candidatesFor({ finding: finding2, result: resultOf(finding2, results), linkage: input.linkage, model: input.model });
    own.set(finding2, candidates);
    let key = artifactKey(finding2);
    key !== null && byArtifact.set(key, [...byArtifact.get(key) ?? [], ...candidates]);
  }
  return { findings: analysis.findings.map((finding2) => {
    let mine = own.get(finding2);
    if (mine === void 0) return finding2;
    let key = artifactKey(finding2), candidates = distinctChanges([...mine, ...key === null ? [] : byArtifact.get(key) ?? []]);
    if (candidates.length === 0) return finding2;
    let verified = [], unverified = [];
    for (let first of candidates) {
      if (first.kind === "manifest-edit" && input.readText === null) {
        mine.includes(first) && unverified.push(adviceFix(first.title));
        continue;
      }
      let candidate = first, after = analysed(candidate.changes);
      for (let round = 0; round < MAX_WIDENINGS && after !== null && !repairs(finding2, after.analysis, errors); round++) {
        let wider = widened(candidate, after, errors, input.model);
        if (wider === null) break;
        candidate = wider, after = analysed(candidate.changes);
      }
      let edits = candidate.kind === "manifest-edit" ? editsFor(candidate, input) : [];
      after === null || edits === null ? mine.includes(first) && unverified.push(adviceFix(candidate.title)) : repairs(finding2, after.analysis, errors) && verified.push({ fix: fixOf(candidate, edits, input.model), cost: costOf(candidate, edits) });
    }
    return verified.sort((a, b) => a.cost - b.cost), { ...finding2, fixes: [...verified.map((v) => v.fix), ...unverified, ...finding2.fixes] };
  }), note };
}
function widened(candidate, after, errorsBefore, model) {
  if (!candidate.changes.every((c) => c.kind === "crate-types")) return null;
  let changed = applyChanges(model, candidate.changes), results = resultsByArtifact(after.linkage), extra = [];
  for (let finding2 of after.analysis.findings) {
    if (finding2.severity !== "error" || errorsBefore.has(finding2.fingerprint)) continue;
    let more = candidatesFor({ finding: finding2, result: resultOf(finding2, results), linkage: after.linkage, model: changed }).find((c) => c.changes.every((x) => x.kind === "crate-types"));
    for (let change of more?.changes ?? []) {
      if (change.kind !== "crate-types") continue;
      [...candidate.changes, ...extra].some((c) => c.kind === "crate-types" && c.pkg.id === change.pkg.id) || extra.push(change);
    }
  }
  if (extra.length === 0) return null;
  let changes = [...candidate.changes, ...extra], names = changes.map((c) => c.kind === "crate-types" ? c.pkg.name : "");
  return { ...candidate, changes, title: rlibTitle(names) };
}
function repairs(finding2, after, errorsBefore) {
  for (let f of after.findings)
    if (f.fingerprint === finding2.fingerprint || f.severity === "error" && !errorsBefore.has(f.fingerprint)) return !1;
  let artifact = findingArtifact(finding2);
  if (artifact === null) return !0;
  let same = (a) => a.package === artifact.package && a.target === artifact.target && a.kind === artifact.kind && a.mode === artifact.mode && a.platform === artifact.platform, rows = after.artifacts.filter(same);
  return rows.length > 0 && rows.every((a) => a.status === "ok");
}
function distinctChanges(candidates) {
  let seen = /* @__PURE__ */ new Set();
  return candidates.filter((c) => {
    let key = changesKey(c.changes);
    return !seen.has(key) && !!seen.add(key);
  });
}
function artifactKey(finding2) {
  let a = findingArtifact(finding2);
  return a === null ? null : [a.package, a.target, a.kind, a.mode, a.platform].join("\0");
}
function resultOf(finding2, results) {
  let key = artifactKey(finding2);
  return key === null ? null : results.get(key) ?? null;
}
function resultsByArtifact(linkage) {
  let out = /* @__PURE__ */ new Map();
  for (let r of linkage.results) {
    if (r.status === "blocked") continue;
    let u = r.unit, key = [u.pkg.name, u.target.name, u.target.kind, u.mode, u.kind].join("\0");
    out.has(key) || out.set(key, r);
  }
  return out;
}
function editsFor(candidate, input) {
  let read = input.readText;
  if (read === null) return null;
  let root = input.model.metadata.workspaceRoot, edits = [];
  for (let change of candidate.changes) {
    let made = null;
    if (change.kind === "crate-types") {
      let file = relativePosix(root, change.pkg.manifestPath), text = file === null ? null : read(change.pkg.manifestPath);
      made = text === null ? null : crateTypeEdits(text, file, change.types);
    } else if (change.kind === "profile") {
      let source = (change.profile === "build" ? input.model.context.profile : input.model.context.testProfile).sources[change.change.setting];
      if (source && "file" in source) {
        let absolute = resolveFrom(root, source.file), file = relativePosix(root, absolute), text = file === null ? null : read(absolute), value = change.change.setting === "lto" ? !1 : change.change.value, edit = text === null ? null : settingEdit(text, file, source.line, change.change.setting, value);
        made = edit === null ? null : [edit];
      }
    }
    if (made === null) return null;
    edits.push(...made);
  }
  return edits;
}
function fixOf(candidate, edits, model) {
  let fix = { title: candidate.title, kind: candidate.kind, verified: !0 };
  if (candidate.kind === "manifest-edit" && (fix.edits = edits), candidate.kind === "command") {
    let next = applyChanges(model, candidate.changes).invocation;
    fix.command = ["cargo", next.command, ...toCargoArgs(next)];
  }
  return fix;
}
function costOf(candidate, edits) {
  return candidate.kind === "manifest-edit" ? edits.length : candidate.kind === "command" ? 1.5 : 3;
}

// src/linkage/boundaries.ts
function rustAbiBoundaries(graph, linkage) {
  let known = boundariesOf.get(linkage);
  if (known) return known;
  let out = [];
  for (let unit of graph.units)
    unit.target.kind !== "proc-macro" && (unit.crateTypes.includes("dylib") ? out.push({ unit, kind: "rust-dylib" }) : unit.preferDynamic === "rustflags" ? out.push({ unit, kind: "prefer-dynamic" }) : (linkage.byUnit.get(unit)?.runtimeLibraries.length ?? 0) > 0 && out.push({ unit, kind: "links-dynamically" }));
  return boundariesOf.set(linkage, out), out;
}
var boundariesOf = /* @__PURE__ */ new WeakMap(), LOADER_CRATES = ["libloading", "dlopen2", "dlopen", "abi_stable", "stabby"], CHECKED_LOADERS = /* @__PURE__ */ new Set(["abi_stable", "stabby"]), FOREIGN_HOST_CRATES = /* @__PURE__ */ new Set(["pyo3", "napi", "neon", "jni", "wasm-bindgen", "uniffi", "cpython", "rustler", "magnus", "rutie"]);
function pluginSystem(graph, metadata, loadsLibraries) {
  let members = new Set(metadata.workspaceMembers), hosts = graph.units.filter((u) => u.mode === "build" && u.kind === "target" && u.target.kind === "bin" && members.has(u.pkg.id)).map((unit) => ({ unit, loaders: loadersOf(unit.pkg, metadata) })).filter((h) => h.loaders.length > 0 || loadsLibraries(h.unit.pkg));
  if (hosts.length === 0) return null;
  let linkedByOthers = /* @__PURE__ */ new Set();
  for (let unit of graph.units) for (let dep of unit.crates) dep.unit.pkg.id !== unit.pkg.id && linkedByOthers.add(dep.unit.pkg.id);
  let loadable = graph.units.filter((u) => u.mode === "build" && u.kind === "target" && members.has(u.pkg.id) && !linkedByOthers.has(u.pkg.id)), plugins = loadable.filter((u) => u.crateTypes.includes("cdylib") && !servesForeignHost(u.pkg, metadata)), dylibs = loadable.filter((u) => u.crateTypes.includes("dylib") && !plugins.includes(u));
  return { hosts, plugins, dylibs };
}
function meantForOtherProjects(pkg) {
  if (pkg.publish === !1) return !1;
  if (Array.isArray(pkg.publish)) return !0;
  let set = (v) => v !== null && v !== "";
  return set(pkg.description) && (set(pkg.license) || set(pkg.licenseFile));
}
function loadersOf(pkg, metadata) {
  let names = new Set(dependencyNames(pkg, metadata, !0));
  return LOADER_CRATES.filter((name) => names.has(name));
}
function servesForeignHost(pkg, metadata) {
  return dependencyNames(pkg, metadata, !1).some((name) => FOREIGN_HOST_CRATES.has(name));
}
function dependencyNames(pkg, metadata, normalOnly) {
  return pkg.deps.filter((d) => !normalOnly || d.kinds.some((k) => k.kind === "normal")).flatMap((d) => metadata.packages.get(d.pkg)?.name ?? []);
}

// src/model/target-info.ts
function stdOnDefaultLoaderPath(info) {
  return info.stdDylib === null || !cfgHas(info.cfg, "target_os", "linux") ? !1 : /^\/(usr\/)?lib(64)?(\/[a-z0-9_]+-linux-[a-z0-9_]+)?\/?$/.test(info.stdDylibDir ?? info.targetLibdir);
}

// src/model/compiler-behaviour.ts
function releaseAtLeast(release, major, minor) {
  let m = /^(\d+)\.(\d+)\./.exec(release);
  if (m === null) return !0;
  let [r, n] = [Number(m[1]), Number(m[2])];
  return r > major || r === major && n >= minor;
}
function compilerBehaviour(rustc, host) {
  return {
    loadsProcMacrosWithDynamicStd: !releaseAtLeast(rustc.release, 1, 83) || loaderFamily(host) === "windows" || stdOnDefaultLoaderPath(host),
    readsCdylibAsDylib: !releaseAtLeast(rustc.release, 1, 73)
  };
}

// src/model/facts.ts
function noFacts() {
  return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => !1, exportedSymbols: () => [] };
}

// src/rules/context.ts
function base(unit, rule, crateType = unit.crateTypes[0] ?? unit.target.crateTypes[0]) {
  return {
    rule,
    severity: ruleInfo(rule).severity,
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    mode: unit.mode,
    crateType: unit.mode === "build" ? crateType : "bin",
    platform: unit.kind
  };
}
function describeUnit(unit, crateType) {
  let libTypes = unit.target.kind === "lib" ? unit.target.crateTypes.join("+") : unit.target.kind, what = unit.mode === "test" ? `test harness of ${unit.target.kind}` : unit.mode === "doctest" ? `doc tests of ${unit.target.kind}` : crateType ?? libTypes, host = unit.kind === "host" && unit.target.kind !== "proc-macro" && unit.target.kind !== "custom-build" ? " (built for the host)" : "";
  return `${unit.target.kind === "custom-build" ? `build script of \`${unit.pkg.name}\`${featureList(unit.features)}` : `${what} \`${unit.target.name}\``}${host}`;
}
function featureList(features) {
  return features.length === 0 ? "" : ` (with ${features.length === 1 ? "feature" : "features"} ${features.map((f) => `\`${f}\``).join(", ")})`;
}

// src/rules/abi.ts
function abiFindings(ctx) {
  let boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map((b) => b.unit);
  return [...panicFindings(ctx), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)];
}
function panicFindings(ctx) {
  if (ctx.linkage.results.some((r) => r.problems.some((p) => p.kind === "dependency-format" && /panic/.test(p.error.kind)))) return [];
  let sides = mixedSides(ctx), first = sides[0];
  if (first === void 0) return [];
  let abort = first.abort, others = sides.filter((s) => s.abort === abort).map((s) => s.unwind), unwindNames = [...new Set(others.map((u) => describeUnit(u)))].join(", "), relation = { loads: "loads", "loaded-by": "is loaded by", links: "links", "linked-by": "is linked by" }[first.how], forced = others.some((u) => u.panicSource === "forced-unwind") ? " (cargo builds it with `unwind` whatever the profile says, as it does everything a test harness, a build script or a proc-macro links)" : "";
  return [
    {
      ...base(abort, "panic-strategy-mixed"),
      crates: [crateName2(abort), ...others.map(crateName2).filter((n, i, all) => all.indexOf(n) === i)],
      message: `${describeUnit(abort)} is built with \`panic = "abort"\` and ${relation} ${unwindNames}, built with \`panic = "unwind"\`${forced}: ` + (first.how === "loads" || first.how === "loaded-by" ? "rustc does not compare strategies across a library loaded at run time, so " : "") + "a panic unwinding out of the `unwind` side into code built with `abort` is undefined behaviour, and `catch_unwind` on the `unwind` side never sees a panic of the `abort` side.",
      fixes: [
        "Build everything that shares a dynamic boundary with one panic strategy, in one `cargo` invocation and profile: the host and what it loads both `abort` or both `unwind`.",
        "Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary."
      ],
      ...ctx.locator.setting(abort.panicSource === "rustflags" ? "rustflags" : "panic", abort)
    }
  ];
}
function mixedSides(ctx) {
  let out = [], pair = (a, b, how, reverse) => {
    a.panic === "abort" && b.panic === "unwind" ? out.push({ abort: a, unwind: b, how }) : a.panic === "unwind" && b.panic === "abort" && out.push({ abort: b, unwind: a, how: reverse });
  }, system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  for (let { unit: host } of system?.hosts ?? []) for (let loaded of [...system?.plugins ?? [], ...system?.dylibs ?? []]) pair(host, loaded, "loads", "loaded-by");
  for (let unit of ctx.graph.units) {
    let result = ctx.linkage.byUnit.get(unit), dynamic = result === void 0 ? [] : dynamicCrates(result);
    if (dynamic.length !== 0)
      for (let dep of unit.crates)
        dynamic.includes(unitKey(dep.unit)) && pair(unit, dep.unit, "links", "linked-by");
  }
  return out;
}
var LAYOUT_FLAGS = /^-Z(?:randomize-layout|layout-seed=)/;
function flagFindings(ctx, boundary) {
  let out = [], layout = boundary.find((u) => abiFlags(u.rustflags).some((f) => LAYOUT_FLAGS.test(f)));
  if (layout) {
    let flags = abiFlags(layout.rustflags).filter((f) => LAYOUT_FLAGS.test(f));
    out.push({
      ...base(layout, "abi-flags-divergent"),
      crates: [crateName2(layout)],
      message: `${describeUnit(layout)} takes part in a Rust dynamic boundary and is built with ${listCrates(flags)}: type layouts then depend on the build, and rustc does not check that a dylib and its users agree on them. Anything built separately (a dylib rebuilt alone, a plugin, the host) reads the other side's types with the wrong layout.`,
      fixes: ["Build everything that shares the boundary in one `cargo` invocation with the same flags, or drop layout randomization from builds with Rust dylibs."],
      ...ctx.locator.setting("rustflags", layout)
    });
  }
  let byPackage = /* @__PURE__ */ new Map();
  for (let u of boundary.filter((u2) => u2.crateTypes.includes("dylib") && u2.mode === "build")) byPackage.set(u.pkg.id, [...byPackage.get(u.pkg.id) ?? [], u]);
  for (let units of byPackage.values()) {
    let signatures = new Map(units.map((u) => [u, abiFlags(u.rustflags).join(" ")]));
    if (new Set(signatures.values()).size < 2) continue;
    let target = units.find((u) => u.kind === "target") ?? units[0], others = units.filter((u) => signatures.get(u) !== signatures.get(target)), show = (u) => `${u.kind === "host" ? "for the host" : `for \`${u.targetInfo.triple}\``} with ${signatures.get(u) === "" ? "no such flags" : listCrates(signatures.get(u).split(" "))}`;
    out.push({
      ...base(target, "abi-flags-divergent", "dylib"),
      crates: [crateName2(target)],
      message: `dylib \`${crateName2(target)}\` is built twice with different ABI-relevant flags \u2014 ${[target, ...others].map(show).join(" and ")} \u2014 and both copies are written to the same file; whichever is linked or loaded last, code built against one may run against the other, and rustc does not compare these flags across crates.`,
      fixes: [
        "Apply the flag to every unit: put it in `build.rustflags` (which cargo also applies to host units when no `--target` is given), or build without `--target`.",
        "Or keep the dylib out of build scripts and proc-macros, so it is built only once."
      ],
      ...ctx.locator.setting("rustflags", target)
    });
  }
  return out;
}
function ltoFindings(ctx, boundary) {
  let windows = boundary.filter((u) => u.kind === "target" && /windows/.test(u.targetInfo.triple)), profile = ctx.invocation.command === "test" ? ctx.build.testProfile : ctx.build.profile, inProfile = profile.lto === "thin" || profile.lto === "fat" || profile.lto === "true", inFlags = (u) => u.lto.kind === "run" && !inProfile, lto = windows.find((u) => inProfile || inFlags(u));
  if (!lto) return [];
  let setting = inFlags(lto) ? "rustflags" : "lto";
  return [
    {
      ...base(lto, "lto-dynamic-unsound"),
      crates: [crateName2(lto)],
      message: `${describeUnit(lto)} is built for \`${lto.targetInfo.triple}\` with LTO (${setting === "lto" ? `\`lto = ${JSON.stringify(profile.lto)}\`` : "`-C lto` in rustflags"}) and links Rust crates dynamically: on Windows this combination is known to drop or mismatch symbols that another DLL imports, which shows up as link errors or crashes at run time (bevy#17130, rust-lang/rust#127979).`,
      fixes: [
        "Set `lto = false` in the profile used with Rust dylibs or `-C prefer-dynamic` on Windows (for example a `dev`/`dynamic` profile), and keep LTO for statically linked release builds."
      ],
      ...ctx.locator.setting(setting, lto)
    }
  ];
}

// src/rules/collision.ts
function collisionFindings(ctx, options = {}) {
  let collisions = outputCollisions(ctx, options);
  if (collisions.length === 0) return [];
  let { workspaceRoot, targetDirectory } = ctx.metadata, targetDir = relativePosix(workspaceRoot, targetDirectory) || forwardSlashes(targetDirectory);
  return collisions.map((c) => collisionFinding(ctx, c, targetDir));
}
function outputCollisions(ctx, options = {}) {
  let profile = profileOf(ctx), explicitTarget = ctx.invocation.target !== null, { units, root } = cargoUnits(ctx.graph, profile, !explicitTarget), writers = /* @__PURE__ */ new Map();
  for (let unit of units)
    for (let file of outputsOf(unit, root.has(unit), profile, explicitTarget, options.defaultLibMetadata === !0)) {
      let list = writers.get(file.path);
      list ? list.push({ unit, file }) : writers.set(file.path, [{ unit, file }]);
    }
  let shared = [...writers.values()].filter((w) => w.some((x) => x.unit !== w[0].unit)), parent = /* @__PURE__ */ new Map(), find = (u) => {
    let r = u;
    for (; parent.has(r); ) r = parent.get(r);
    return r;
  };
  for (let w of shared)
    for (let { unit } of w.slice(1)) {
      let a = find(unit), b = find(w[0].unit);
      a !== b && parent.set(a, b);
    }
  let groups = /* @__PURE__ */ new Map();
  for (let w of shared) {
    let key = find(w[0].unit), group = groups.get(key);
    group || groups.set(key, group = { units: [], paths: [], files: [] });
    for (let { unit, file } of w)
      group.units.includes(unit) || group.units.push(unit), group.files.push(file);
    group.paths.push(w[0].file.path);
  }
  return [...groups.values()].map((g) => ({ ...g, units: g.units.sort(compareCopies), paths: g.paths.sort() })).sort((a, b) => compareCopies(a.units[0], b.units[0]));
}
function profileOf(ctx) {
  return ctx.invocation.command === "test" ? ctx.build.testProfile : ctx.build.profile;
}
function hostProfileDiffers(profile) {
  return profile.name === "release" || profile.name === "bench";
}
function profilePanic(u, profile) {
  return u.panicSource === "forced-unwind" ? "unwind" : u.panicSource !== "rustflags" ? profile.panic : u.kind === "host" || u.mode === "test" || u.target.kind === "proc-macro" || u.target.kind === "custom-build" ? "unwind" : profile.panic;
}
function cargoUnits(graph, profile, sharedLayout) {
  let hostDiffers = hostProfileDiffers(profile), memo = /* @__PURE__ */ new Map(), sameTarget = (a, b) => a.pkg === b.pkg && a.target === b.target && a.mode === b.mode, same = (a, b) => {
    if (a === b) return !0;
    if (!sameTarget(a, b) || a.kind !== b.kind && (!sharedLayout || hostDiffers) || profilePanic(a, profile) !== profilePanic(b, profile)) return !1;
    let key = a.index < b.index ? `${a.index},${b.index}` : `${b.index},${a.index}`, known = memo.get(key);
    if (known !== void 0) return known;
    let da = dependenciesOf(a), db = dependenciesOf(b), result = da.length === db.length && da.every((x) => db.some((y) => same(x, y)));
    return memo.set(key, result), result;
  }, byTarget = /* @__PURE__ */ new Map(), units = [], root = /* @__PURE__ */ new Set();
  for (let unit of graph.units) {
    if (unit.target.kind === "custom-build" || unit.crateTypes.length === 0) continue;
    let key = `${unit.pkg.id}\0${unit.target.kind}\0${unit.target.name}\0${unit.mode}`, seen = byTarget.get(key), merged = seen?.find((s) => same(s, unit)), representative = merged ?? unit;
    merged || (seen ? seen.push(unit) : byTarget.set(key, [unit]), units.push(unit)), unit.root && root.add(representative);
  }
  return { units, root };
}
function fileTypes(crateType, pattern, triple) {
  let cut = pattern.indexOf("___");
  if (cut < 0) return [];
  let prefix = pattern.slice(0, cut), suffix = pattern.slice(cut + 3), file = (p, s, replaceHyphens, debugInfo = !1) => ({ prefix: p, suffix: s, crateType, rmeta: !1, debugInfo, replaceHyphens }), out = [file(prefix, suffix, crateType !== "bin")];
  return isDynamic(crateType) && (triple.endsWith("-windows-msvc") && suffix === ".dll" ? out.push(file(prefix, ".dll.lib", !0), file(prefix, ".dll.exp", !0)) : suffix === ".dll" && /(?:windows-gnu|windows-gnullvm|cygwin)$/.test(triple) && out.push(file("lib", ".dll.a", !0))), triple.startsWith("wasm32-") && crateType === "bin" && suffix === ".js" && out.push(file(prefix, ".wasm", !0), file(prefix, ".wasm.map", !0, !0)), (crateType === "bin" || crateType === "dylib" || crateType === "cdylib" || crateType === "proc-macro") && (triple.includes("-apple-") ? out.push(file(prefix, crateType === "bin" ? ".dSYM" : ".dylib.dSYM", !1, !0)) : triple.endsWith("-msvc") || triple.endsWith("-uefi") ? out.push(file(prefix, ".pdb", !0, !0)) : out.push(file(prefix, `${suffix}.dwp`, crateType !== "bin", !0))), out;
}
function useExtraFilename(unit, defaultLibMetadata) {
  if (unit.mode === "test") return !0;
  let { target } = unit, triple = unit.targetInfo.triple, lib = target.kind === "lib", executable = target.kind === "bin" || target.kind === "example" && target.crateTypes.every((t) => t === "bin");
  return !((lib && (target.crateTypes.includes("dylib") || target.crateTypes.includes("cdylib")) || executable && (triple === "wasm32-unknown-emscripten" || triple.includes("msvc"))) && unit.pkg.source === null && !defaultLibMetadata);
}
function profileDir(profile) {
  return profile.name === "dev" || profile.name === "test" ? "debug" : profile.name === "bench" ? "release" : profile.name;
}
function outputsOf(unit, root, profile, explicitTarget, defaultLibMetadata) {
  if (unit.mode === "doctest") return [];
  let triple = unit.targetInfo.triple, layout = explicitTarget && unit.kind === "target" ? `${triple}/${profileDir(profile)}` : profileDir(profile), example = unit.target.kind === "example", outDir = example ? `${layout}/examples` : `${layout}/deps`, hashed2 = useExtraFilename(unit, defaultLibMetadata), name = crateName2(unit), types = unit.mode === "build" ? unit.crateTypes : ["bin"], fileTypesOf = types.flatMap((t) => fileTypes(t, unit.targetInfo.fileNames[t === "lib" ? "rlib" : t] ?? "", triple));
  unit.mode === "build" && !types.some(requiresUpstreamObjects) && fileTypesOf.push({ prefix: "lib", suffix: ".rmeta", crateType: "rlib", rmeta: !0, debugInfo: !1, replaceHyphens: !0 });
  let out = [];
  for (let ft of fileTypesOf) {
    let path2 = `${outDir}/${ft.prefix}${name}${hashed2 ? "-<hash>" : ""}${ft.suffix}`;
    if (hashed2 || out.push({ path: path2, crateType: ft.crateType, linked: !0, debugInfo: ft.debugInfo }), unit.mode !== "build" || ft.rmeta || unit.target.kind !== "bin" && ft.crateType !== "dylib" && !root) continue;
    let fileName = `${ft.prefix}${ft.replaceHyphens ? name : unit.target.name}${ft.suffix}`, uplifted = example ? `${layout}/examples/${fileName}` : `${layout}/${fileName}`;
    uplifted !== path2 && out.push({ path: uplifted, crateType: ft.crateType, linked: !1, debugInfo: ft.debugInfo });
  }
  return out;
}
function compareCopies(a, b) {
  let order = (u) => [u.kind === "target" ? "0" : "1", u.pkg.name, u.pkg.version, u.target.kind, u.target.name, u.mode, u.panic].join("\0"), x = order(a), y = order(b);
  return x < y ? -1 : x > y ? 1 : a.index - b.index;
}
var LINKED_BY_RUST = /* @__PURE__ */ new Set(["dylib", "rlib", "lib"]);
function collisionFinding(ctx, c, targetDir) {
  let profile = profileOf(ctx), rep = c.units[0], samePackage = c.units.every((u) => u.pkg === rep.pkg), kindsDiffer = samePackage && c.units.some((u) => u.kind !== rep.kind), panics = new Set(c.units.map((u) => profilePanic(u, profile))), main = c.files.filter((f) => !f.debugInfo), collidingTypes = new Set(main.map((f) => f.crateType)), crateType = rep.crateTypes.find((t) => collidingTypes.has(t)) ?? rep.crateTypes[0], linkedTypes = new Set(main.filter((f) => f.linked).map((f) => f.crateType)), linkedByRust = [...linkedTypes].some((t) => LINKED_BY_RUST.has(t)), files = listCrates(c.paths.map((p) => `${targetDir}/${p}`), 8), fileWord = c.paths.length === 1 ? "file" : "files", shown = `${targetDir}/${c.paths.find((p) => !/\.(dwp|pdb|dSYM)$/.test(p)) ?? c.paths[0]}`, describe = (u) => {
    let d = describeUnit(u);
    return samePackage ? (kindsDiffer && u.kind === "target" && (d += " (built for the target)"), panics.size > 1 && (d += ` with \`panic = "${profilePanic(u, profile)}"\``)) : c.units.some((o) => o !== u && o.pkg.name === u.pkg.name) ? d += ` of \`${u.pkg.name} ${u.pkg.version}\`` : d += ` of package \`${u.pkg.name}\``, d;
  }, units = c.units.map(describe), who = `${units.slice(0, -1).join(", ")} and ${units.at(-1)}`, what;
  if (samePackage) {
    let why = panics.size > 1 ? kindsDiffer ? 'host units are always built with `panic = "unwind"` and target units with the profile\'s `panic = "abort"`' : 'test harnesses and what they link are always built with `panic = "unwind"` and the other units with the profile\'s `panic = "abort"`' : kindsDiffer && hostProfileDiffers(profile) ? `host units get \`opt-level = 0\` and \`[profile.${profile.name}.build-override]\` where target units get the \`${profile.name}\` profile` : "they link different copies of their dependencies";
    what = `\`${rep.target.name}\` is compiled twice in this build, as ${who}, because ${why}; both copies write the same ${fileWord}, ${files} (cargo warns "output filename collision")`;
  } else
    what = `${who} write the same ${fileWord}: ${files} (cargo warns "output filename collision")`;
  let outcome;
  linkedByRust ? outcome = samePackage ? `a unit that links \`${crateName2(rep)}\` may get the copy built with the other settings, and fail to link (an undefined symbol, a crate compiled with another panic strategy) or silently run that copy${linkedTypes.has("dylib") ? `; executables load \`${shown.split("/").pop()}\` from \`deps/\` at run time, whichever copy it is` : ""}` : "everything that links either gets whichever was written last: a binary that uses both silently runs one of them in place of the other, or fails to link" : linkedTypes.size > 0 ? outcome = "the library left in `deps/` is either one" : c.units.some((u) => u.target.kind === "bin" || u.target.kind === "example") ? outcome = `\`cargo run\` and anything that starts or ships \`${shown}\` may get the other one` : outcome = `anything that loads or ships \`${shown}\` may get the other one`;
  let message = `${what}. What ends up there depends on which unit finishes last: ${outcome}.`, fixes = [];
  if (kindsDiffer)
    fixes.push(
      `Build with \`--target ${rep.targetInfo.triple}\`: host units then go to \`${targetDir}/${profileDir(profile)}/\` and target units to \`${targetDir}/${rep.targetInfo.triple}/${profileDir(profile)}/\`, so the two copies no longer share a file.`
    ), panics.size > 1 ? fixes.push('Or build with `panic = "unwind"` when build scripts or proc-macros use this library.') : hostProfileDiffers(profile) && fixes.push(`Or give host units the target's settings (\`[profile.${profile.name}.build-override]\` with \`opt-level\` and the other settings of \`[profile.${profile.name}]\`), so cargo builds one copy.`), fixes.push(`Or keep \`${rep.target.name}\` out of build scripts and proc-macros: move what they need into a plain library (\`rlib\`) crate.`);
  else if (samePackage && panics.size > 1)
    fixes.push('Build with `panic = "unwind"`, or build the test harnesses and the other artifacts in separate cargo invocations.');
  else if (samePackage)
    fixes.push("Build the artifacts that need the two copies in separate cargo invocations.");
  else {
    let executables = c.units.every((u) => u.target.kind === "bin" || u.target.kind === "example"), versions = c.units.every((u) => u.pkg.name === rep.pkg.name);
    executables ? fixes.push("Rename one of them (`name` in its `[[bin]]` or `[[example]]` table).") : versions ? fixes.push(`Depend on one version of \`${rep.pkg.name}\` only (\`cargo tree -d\` shows which packages pull in which), or give one of them another library name (\`name\` in its \`[lib]\` table).`) : fixes.push("Rename one of the libraries (`name` in its `[lib]` table)."), fixes.push("Or build them in separate cargo invocations (`-p`).");
  }
  return { ...base(rep, "output-filename-collision", crateType), crates: [...new Set(c.units.map(crateName2))], message, fixes, ...locate(ctx, c, rep, panics.size > 1, kindsDiffer) };
}
function locate(ctx, c, rep, panicSplit, kindsDiffer) {
  let { locator } = ctx, nameLine = (u) => u.target.kind === "lib" || u.target.kind === "proc-macro" ? locator.crateType(u) : locator.manifestKey(u.pkg, ["package", "name"]), unhashed = c.files.some((f) => f.linked && !f.debugInfo) ? [{ ...nameLine(rep), message: `\`crate-type\` of \`${rep.pkg.name}\`: cargo names the files of a path package's dylib or cdylib without a hash` }] : [];
  if (panicSplit) {
    let abort = c.units.find((u) => u.panic === "abort") ?? rep, { related: related2 = [], ...at } = locator.setting("panic", abort);
    return { ...at, related: [...related2, ...unhashed] };
  }
  if (kindsDiffer) {
    let entry = hostEntry(ctx.graph, c.units.find((u) => u.kind === "host"));
    if (entry === null) return locator.crateType(rep);
    let { related: related2 = [], ...at } = locator.dependency(entry.from, entry.dep.unit, entry.dep.edge, entry.dep.platform);
    return { ...at, related: [...related2, ...unhashed] };
  }
  let related = c.units.slice(1).map((u) => ({ ...nameLine(u), message: `${describeUnit(u)} of \`${u.pkg.name} ${u.pkg.version}\`` }));
  return { ...nameLine(rep), related };
}
var dependentsOf = /* @__PURE__ */ new WeakMap();
function hostEntry(graph, host) {
  let dependents = dependentsOf.get(graph);
  if (dependents === void 0) {
    dependents = /* @__PURE__ */ new Map();
    for (let from of graph.units)
      for (let dep of from.crates) {
        let list = dependents.get(dep.unit);
        list ? list.push({ from, dep }) : dependents.set(dep.unit, [{ from, dep }]);
      }
    dependentsOf.set(graph, dependents);
  }
  let seen = /* @__PURE__ */ new Set([host]), level = [host];
  for (; level.length > 0; ) {
    let next = [];
    for (let unit of level) {
      let edges = dependents.get(unit) ?? [], entry = edges.find((e) => e.from.target.kind === "custom-build") ?? edges.find((e) => e.from.kind === "target" || e.from.target.kind === "proc-macro");
      if (entry) return entry;
      for (let e of edges)
        seen.has(e.from) || (seen.add(e.from), next.push(e.from));
    }
    level = next;
  }
  return null;
}

// src/rules/feature-steps.ts
function featureSteps(chain, metadata, locator) {
  let steps = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    let edge = chain[i].crates.find((c) => c.unit === chain[i + 1]);
    edge?.activatedBy != null && steps.push(featureStep(i, edge.activatedBy, metadata, locator));
  }
  return steps;
}
function featureStep(from, causes, metadata, locator) {
  let inManifest = (c) => c.origin.by !== "command-line", isMember = (c) => inManifest(c) && metadata.workspaceMembers.includes(c.origin.pkg.id), k = causes.length - 1;
  for (; k >= 0 && !isMember(causes[k]); ) k--;
  for (; k > 0 && inManifest(causes[k - 1]) && causes[k - 1].origin.pkg === causes[k].origin.pkg; ) k--;
  let root = causes[causes.length - 1], chosen = k >= 0 ? causes[k] : root.origin.by === "command-line" ? root : causes[0], { origin, value } = chosen;
  if (origin.by === "command-line") return { from, by: "command-line", package: origin.pkg.name, name: value, text: `--features ${value}` };
  let asked = root !== chosen && root.origin.by === "command-line" && root.value !== "default" ? { commandLine: `--features ${root.value}` } : {};
  if (origin.by === "feature") {
    let values = origin.pkg.featureMap.get(origin.feature) ?? [], text2 = `${origin.feature} = [${values.map((v) => JSON.stringify(v)).join(", ")}]`, line = lineOf(locator.manifestKey(origin.pkg, ["features", origin.feature]));
    return { from, by: "feature", package: origin.pkg.name, name: origin.feature, text: text2, ...line, ...asked };
  }
  let text = value === "default" ? "default-features" : `features = [${JSON.stringify(value)}]`;
  return { from, by: "dependency", package: origin.pkg.name, name: origin.nameInToml, text, ...lineOf(locator.dependencyNamed(origin.pkg, origin.nameInToml)), ...asked };
}
function lineOf(location) {
  return { file: location.file, line: location.line };
}
function locateByFeature(steps, own, ownIs) {
  let step = steps.find((s) => s.file !== void 0 && s.line !== void 0);
  if (step === void 0) return own;
  let related = ownIs === null ? own.related ?? [] : [{ file: own.file, line: own.line, message: ownIs }, ...own.related ?? []];
  return { file: step.file, line: step.line, ...related.length > 0 ? { related } : {} };
}

// src/linkage/startup.ts
import path from "node:path";
function placeOf(unit) {
  return unit.mode !== "build" ? "deps" : unit.target.kind === "example" ? "examples" : "profile-dir";
}
function hashed(file) {
  return file.includes("-<hash>");
}
function besideInPlace(place, file) {
  return place === "deps" || place === "profile-dir" && !hashed(file);
}
function rpathClimbsToRoot(targetDir, libDir) {
  let a = path.resolve(targetDir).split(path.sep).filter(Boolean), b = path.resolve(libDir).split(path.sep).filter(Boolean);
  return a.length === 0 || b.length === 0 || a[0] !== b[0];
}
function startupOf(unit, libraries, targetDir) {
  let info = unit.targetInfo, family2 = loaderFamily(info);
  if (family2 === "unmodelled" || family2 === "wasm" || libraries.length === 0) return null;
  let std = info.stdDylib, place = placeOf(unit), own = libraries.filter((l) => l !== std), toolchain = libraries.filter((l) => l === std), inPlace, copiedAlone, underCargo = [];
  if (family2 === "windows") {
    let unwinder = dynamicUnwinderDll(info);
    unwinder !== null && (toolchain.push(unwinder), underCargo = [unwinder]), inPlace = [...toolchain, ...own.filter((l) => !besideInPlace(place, l))], copiedAlone = [...toolchain, ...own];
  } else {
    let needed = family2 === "elf" && stdOnDefaultLoaderPath(info) ? own : libraries;
    if (copiedAlone = [...needed], !unit.rpath)
      inPlace = family2 === "darwin" ? needed.filter((l) => l === std) : [...needed], family2 === "darwin" && (copiedAlone = [...inPlace]);
    else {
      let climbs = rpathClimbsToRoot(targetDir, info.stdDylibDir ?? info.targetLibdir);
      inPlace = needed.filter((l) => l === std ? place === "profile-dir" && !climbs : !besideInPlace(place, l) && place !== "examples"), copiedAlone = needed.filter((l) => !(l === std && climbs));
    }
  }
  let sorted = (list) => [...new Set(list)].sort();
  return inPlace.length === 0 && copiedAlone.length === 0 ? null : { inPlace: sorted(inPlace), copiedAlone: sorted(copiedAlone), underCargo: sorted(underCargo) };
}

// src/rules/dependency-format.ts
var STD_CRATES = /* @__PURE__ */ new Set(["std", "core", "alloc", "compiler_builtins", "panic_unwind", "panic_abort", "test", "proc_macro"]);
function formatFindings(result, crateType, errors, linkage, locator, metadata) {
  let unit = result.unit, f = {
    result,
    crateType,
    errors,
    linkage,
    locator,
    metadata,
    unit,
    what: describeUnit(unit, crateType),
    ct: crateType,
    nameOf: (key) => linkage.crateNames.get(key)?.name ?? key,
    unitOf: (key) => linkage.crateNames.get(key)?.unit ?? null
  };
  return [duplicateLinkageFinding(f), rlibRequiredFinding(f), dylibRequiredFinding(f), panicStrategyFinding(f)].filter((d) => d !== null);
}
function duplicateLinkageFinding(f) {
  let { result, errors, linkage, locator, unit, what, ct, nameOf, unitOf } = f, pathOf = (crate, origin) => inclusionPath(f, crate, origin), duplicates = errors.filter((e) => e.kind === "crate-dep-multiple");
  if (duplicates.length > 0) {
    let names = [...new Set(duplicates.map((d) => d.crate))], shown = names.filter((n) => !STD_CRATES.has(n) || n === "std"), crates = shown.length > 0 ? shown : ["std"], primary = duplicates.find((d) => d.crate === crates[0]) ?? duplicates[0], describe = (o, crate) => {
      if (o.via !== null) {
        let viaName = nameOf(o.via);
        return o.preference === "static" ? `statically inside dylib \`${viaName}\`` : `dynamically, as a dependency of dylib \`${viaName}\``;
      }
      if (o.preference === "dynamic") {
        let owner = crate === "std" ? null : findCrateUnit(result, linkage, crate), file = crate === "std" ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null;
        return `dynamically${file ? ` as \`${file}\`` : ""}`;
      }
      return "statically as an rlib";
    }, culprit = [primary.existing, primary.incoming].map((o) => o.via).filter((v) => v !== null).map(unitOf).find((u) => u !== null) ?? null, extra = crates.includes("std") && names.length > crates.length ? " (with the rest of the standard library)" : "", others = crates.filter((c) => c !== primary.crate), also = others.length > 0 ? ` ${listCrates(others)} would be included twice as well.` : "", message = `${what} cannot link: \`${primary.crate}\` would be included twice${extra} \u2014 ${describe(primary.existing, primary.crate)} and ${describe(primary.incoming, primary.crate)}.${also} rustc: "cannot satisfy dependencies so \`${primary.crate}\` only shows up once".`, inclusion = uniqueBy(
      duplicates.filter((d) => crates.includes(d.crate)).flatMap((d) => [pathOf(d.crate, d.existing), pathOf(d.crate, d.incoming)]),
      (p) => JSON.stringify(p)
    );
    return {
      ...base(unit, "duplicate-linkage", ct),
      crates,
      message,
      fixes: duplicateFixes(unit, primary, culprit, nameOf),
      inclusion,
      ...locateByFeature(
        inclusion.flatMap((p) => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    };
  }
  return null;
}
function rlibRequiredFinding(f) {
  let { result, crateType, errors, linkage, locator, unit, what, ct } = f, rlibRequired = errors.filter((e) => e.kind === "rlib-required" || e.kind === "lib-required" && e.format === "rlib");
  if (rlibRequired.length > 0) {
    let names = [...new Set(rlibRequired.map((e) => e.crate))], culprit = findCrateUnit(result, linkage, names[0]), inclusion = names.map((n) => inclusionPath(f, n, { preference: "dynamic", via: null })), why = crateType === "staticlib" ? "a staticlib must contain every upstream crate" : "a statically linked (crt-static) executable must contain every upstream crate";
    return {
      ...base(unit, "rlib-required", ct),
      crates: names,
      inclusion,
      message: `${what} cannot link: ${why}, but ${names.map((n) => `\`${n}\``).join(", ")} ${names.length === 1 ? "is" : "are"} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
      fixes: [crateType === "staticlib" ? "Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs." : "Or drop `+crt-static` for this executable."],
      ...locateByFeature(
        inclusion.flatMap((p) => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    };
  }
  return null;
}
function dylibRequiredFinding(f) {
  let { errors, locator, unit, what, ct } = f, dylibRequired = errors.filter((e) => e.kind === "lib-required" && e.format === "dylib");
  if (dylibRequired.length > 0) {
    let names = [...new Set(dylibRequired.map((e) => e.crate))];
    return {
      ...base(unit, "dylib-required", ct),
      crates: names,
      message: `${what} cannot link: ${names.map((n) => `\`${n}\``).join(", ")} must be linked dynamically (an upstream dylib was built against its dylib) but no dylib of it is available. rustc: "crate \`${names[0]}\` required to be available in dylib format, but was not found in this form".`,
      fixes: ["Rebuild the dylibs that depend on it from a clean target directory, with the same flags.", `Or add \`"dylib"\` to \`crate-type\` of ${names.map((n) => `\`${n}\``).join(", ")}.`],
      ...locator.crateType(unit)
    };
  }
  return null;
}
function panicStrategyFinding(f) {
  let { result, errors, locator, unit, what, ct } = f, panic = errors.filter((e) => e.kind === "bad-panic-strategy" || e.kind === "required-panic-strategy" || e.kind === "two-panic-runtimes");
  if (panic.length > 0) {
    let first = panic[0], text, crates;
    first.kind === "bad-panic-strategy" ? (text = `the linked panic runtime \`${first.runtime}\` is not compiled with this crate's panic strategy \`${first.strategy}\``, crates = [first.runtime]) : first.kind === "required-panic-strategy" ? (text = `the crate \`${first.crate}\` requires panic strategy \`${first.found}\` which is incompatible with this crate's strategy of \`${first.desired}\``, crates = [first.crate]) : (text = `cannot link together two panic runtimes: ${first.first} and ${first.second}`, crates = [first.first, first.second]);
    let fixes = linksAs(result, "sys:std", "dynamic") ? ['`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.'] : ["Build every crate linked into this artifact with the same panic strategy (one profile `panic` setting, no `-C panic` in rustflags for some crates only)."];
    return {
      ...base(unit, "panic-strategy", ct),
      crates,
      message: `${what} cannot link with \`panic = "${unit.panic}"\`: rustc: "${text}".`,
      fixes,
      ...locator.setting(unit.panicSource === "rustflags" ? "rustflags" : "panic", unit)
    };
  }
  return null;
}
function inclusionPath(f, crate, origin) {
  let { result, linkage, locator, metadata, unit } = f, units = [], chain;
  if (origin.via !== null) {
    let bringer = linkage.crateNames.get(origin.via);
    units = bringer?.unit ? linkChain(unit, bringer.unit) : [], chain = units.length > 0 ? units.map(crateName2) : [crateName2(unit), bringer?.name ?? origin.via];
  } else {
    let own = findCrateUnit(result, linkage, crate);
    units = own ? linkChain(unit, own) : [], chain = units.length > 0 ? units.slice(0, -1).map(crateName2) : [crateName2(unit)];
  }
  let dynamic = origin.preference === "dynamic", path2 = { chain, crate, how: origin.via !== null && !dynamic ? "inside-dylib" : dynamic ? "dynamic" : "static" }, steps = featureSteps(units, metadata, locator);
  if (steps.length > 0 && (path2.features = steps), dynamic) {
    let owner = crate === "std" ? null : findCrateUnit(result, linkage, crate), file = crate === "std" ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null;
    file && (path2.file = file);
  }
  return path2;
}
function findCrateUnit(result, linkage, name) {
  for (let c of result.crates)
    if (c.name === name)
      return linkage.crateNames.get(c.key)?.unit ?? null;
  return null;
}
function duplicateFixes(unit, primary, culprit, nameOf) {
  let fixes = [], staticVias = [primary.existing, primary.incoming].filter((o) => o.preference === "static" && o.via !== null).map((o) => nameOf(o.via));
  return primary.crate === "std" && culprit || (staticVias.length > 0 ? (fixes.push(
    `Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map((v) => `\`${v}\``).join(" and ")} share one copy instead of each containing it.`
  ), fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`)) : fixes.push("Make every upstream crate available in one format (all rlib, or all dylib).")), fixes;
}
function uniqueBy(items, key) {
  let seen = /* @__PURE__ */ new Set();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

// src/rules/linkage.ts
function linkageFindings(linkage, locator, metadata) {
  let findings = [];
  for (let result of linkage.results)
    if (result.status !== "blocked" && (result.status === "error" && findings.push(...problemFindings(result, linkage, locator, metadata)), result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0 && findings.push(unsupportedFinding(result, "warning", locator)), result.status === "ok")) {
      let runtime = runtimeFinding(result, linkage, locator, metadata);
      runtime && findings.push(runtime);
    }
  return findings;
}
function problemFindings(result, linkage, locator, metadata) {
  let out = [], formatErrors = /* @__PURE__ */ new Map();
  for (let p of result.problems)
    p.kind !== "dependency-format" ? out.push(problemFinding(result, p, locator)) : formatErrors.has(p.crateType) ? formatErrors.get(p.crateType).push(p.error) : formatErrors.set(p.crateType, [p.error]);
  for (let [crateType, errors] of formatErrors) out.push(...formatFindings(result, crateType, errors, linkage, locator, metadata));
  return out;
}
function problemFinding(result, p, locator) {
  switch (p.kind) {
    case "embed-bitcode-lto":
      return embedBitcodeFinding(result.unit, locator);
    case "panic-abort-test":
      return panicAbortTestFinding(result.unit, locator);
    case "unsupported-crate-types":
      return unsupportedFinding(result, "error", locator);
    case "unlinkable-dependency":
      return unlinkableFinding(result.unit, p, locator);
    case "proc-macro-unloadable":
      return procMacroFinding(result.unit, p, locator);
    case "lto":
      return ltoFinding(result.unit, p, locator);
  }
}
function embedBitcodeFinding(unit, locator) {
  return {
    ...base(unit, "lto-conflict"),
    crates: [crateName2(unit)],
    message: `${describeUnit(unit)} fails: rustflags ask for \`-C lto\` but cargo compiles this unit with \`-C embed-bitcode=no\` ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
    fixes: ['Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'],
    ...locator.setting("rustflags", unit)
  };
}
function panicAbortTestFinding(unit, locator) {
  return {
    ...base(unit, "panic-strategy"),
    crates: [crateName2(unit)],
    message: `${describeUnit(unit)} fails: rustflags ask for \`-C panic=abort\`, and rustc does not build a test harness with it ("building tests with panic=abort is not supported without \`-Zpanic_abort_tests\`").`,
    fixes: [
      'Drop `-C panic=abort` from rustflags when running tests, and set `panic = "abort"` in the profile instead: cargo builds test harnesses with unwind whatever the profile says.',
      "Or, on a nightly compiler, add `-Zpanic-abort-tests`."
    ],
    ...locator.setting("rustflags", unit)
  };
}
function unlinkableFinding(unit, p, locator) {
  return {
    ...base(unit, "no-linkable-lib"),
    crates: [p.dep.pkg.name],
    message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map((t) => `\`${t}\``).join(" and ")}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
    fixes: [`Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`],
    ...p.dep.edge === "own-lib" ? locator.crateType(unit) : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null)
  };
}
function procMacroFinding(unit, p, locator) {
  let pm = p.procMacro;
  return {
    ...base(unit, "proc-macro-dylib"),
    crates: [crateName2(pm), ...p.libraries],
    message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map((l) => `\`${l}\``).join(", ")} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${crateName2(pm)}\`).`,
    fixes: ["Or move the code the proc-macro needs into a plain library crate."],
    ...locator.dependency(unit, pm, "normal", null)
  };
}
function unsupportedFinding(result, severity, locator) {
  let unit = result.unit, dropped = result.droppedCrateTypes, triple = unit.targetInfo.triple, types = dropped.map((t) => `\`${t}\``).join(", "), crtStatic = unit.rustflags.some((f) => f.includes("crt-static")), message = severity === "error" ? `${describeUnit(unit)} cannot be built: target \`${triple}\` does not support any of its crate types (${types}) with the flags in effect; cargo stops with "cannot produce ${dropped.join(", ")} for \`${unit.pkg.name}\`".` : `${describeUnit(unit)}: target \`${triple}\` cannot produce ${types}; rustc drops ${dropped.length === 1 ? "it" : "them"} with a warning and builds only ${unit.crateTypes.map((t) => `\`${t}\``).join(", ")}.`, fixes = crtStatic ? ["`-C target-feature=+crt-static` forbids dynamic crate types: pass it only with `--target <triple>` (so build scripts and proc-macros are built without it), or drop it."] : [`Remove ${types} from \`crate-type\` for this target, or build for a target that supports ${dropped.length === 1 ? "it" : "them"}.`];
  return {
    ...base(unit, "unsupported-crate-type", dropped[0]),
    severity,
    crates: [crateName2(unit)],
    message,
    fixes,
    ...crtStatic ? locator.setting("rustflags", unit) : locator.crateType(unit)
  };
}
function ltoFinding(unit, p, locator) {
  let texts = {
    "prefer-dynamic": "cannot prefer dynamic linking when performing LTO",
    dylib: "lto cannot be used for `dylib` crate type without `-Zdylib-lto`",
    "proc-macro": "lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`",
    mixed: "lto can only be run for executables, cdylibs and static library outputs",
    "linker-plugin-windows": "linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting Windows-like targets"
  }, fromRustflags = unit.lto.kind !== "run", fixes = p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows" ? ["Use LTO only in profiles that link statically, with no `-C prefer-dynamic`."] : ["Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it."];
  return {
    ...base(unit, "lto-conflict", p.crateType === "rlib" || p.crateType === null ? void 0 : p.crateType),
    crates: [crateName2(unit)],
    message: p.gate === "linker-plugin-windows" ? `${describeUnit(unit)} fails before compiling: cargo passes it \`-C linker-plugin-lto\` because it only feeds artifacts built with LTO, and with \`-C prefer-dynamic\` rustc refuses that on \`${unit.targetInfo.triple}\` ("${texts[p.gate]}").` : `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
    fixes,
    ...locator.setting(fromRustflags || p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows" ? "rustflags" : "lto", unit)
  };
}
var EXECUTABLE_KINDS = /* @__PURE__ */ new Set(["bin", "example", "test", "bench"]);
function runtimeFinding(result, linkage, locator, metadata) {
  let unit = result.unit;
  if (!(unit.mode === "test" || EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes("bin")) || result.runtimeLibraries.length === 0) return null;
  let family2 = loaderFamily(unit.targetInfo), startup = family2 === "unmodelled" ? genericStartup(unit, result.runtimeLibraries) : startupOf(unit, result.runtimeLibraries, metadata.targetDirectory);
  if (startup === null) return null;
  let dynamic = (dep) => linksAs(result, unitKey(dep), "dynamic"), direct = unit.crates.find((d) => d.unit.crateTypes.includes("dylib") && dynamic(d.unit)), inclusion = dynamicDylibs(result, linkage).map((dylib) => {
    let chain = linkChain(unit, dylib), steps = featureSteps(chain, metadata, locator), path2 = { chain: chain.slice(0, -1).map(crateName2), crate: crateName2(dylib), how: "dynamic", file: dylibFileName(dylib) };
    return steps.length > 0 && (path2.features = steps), path2;
  }), nearest = dynamicDylibs(result, linkage)[0], firstHop = nearest === void 0 ? void 0 : linkChain(unit, nearest)[1], via = direct ?? unit.crates.find((d) => d.unit === firstHop), own = via ? locator.dependency(unit, via.unit, via.edge, via.platform) : locator.setting("rustflags", unit), location = locateByFeature(
    inclusion.flatMap((p) => p.features ?? []),
    own,
    via ? `dependency \`${via.externName}\`` : null
  ), quiet = unit.mode === "test" && unit.target.kind === "proc-macro" || startup.inPlace.length === 0;
  return {
    ...base(unit, "runtime-dylib", "bin"),
    ...quiet ? { severity: "note" } : {},
    crates: missingAnywhere(startup),
    message: startupMessage(unit, family2, startup, result.runtimeLibraries),
    fixes: startupFixes(unit, family2, startup),
    startup,
    ...inclusion.length > 0 ? { inclusion } : {},
    ...location
  };
}
function genericStartup(unit, libraries) {
  return unit.rpath ? null : { inPlace: [...libraries], copiedAlone: [...libraries], underCargo: [] };
}
function missingAnywhere(startup) {
  return [.../* @__PURE__ */ new Set([...startup.inPlace, ...startup.copiedAlone])].sort();
}
function listed(files) {
  return files.map((f) => `\`${f}\``).join(", ");
}
function startupMessage(unit, family2, startup, libraries) {
  let runner = unit.mode === "test" ? "`cargo test`" : unit.target.kind === "example" ? "`cargo run --example`" : "`cargo run`", where = unit.mode !== "build" ? "`deps/`" : unit.target.kind === "example" ? "`examples/`" : "`target/`", failure = family2 === "windows" ? "STATUS_DLL_NOT_FOUND (0xc0000135)" : family2 === "darwin" ? '"dyld: Library not loaded"' : '"error while loading shared libraries"', all = missingAnywhere(startup), noRpath = family2 !== "windows" && !unit.rpath, underCargo = startup.underCargo.length > 0 ? `it starts under ${runner} only if ${listed(startup.underCargo)} is on \`PATH\` (it comes with the MinGW-w64 toolchain; rustup 1.28.2 and later add their toolchain's \`bin\` for cargo)` : `it starts under ${runner}, which sets \`${libraryPathVariable(family2)}\``, extra = startup.copiedAlone.filter((l) => !startup.inPlace.includes(l)), direct;
  startup.inPlace.length === 0 ? direct = `and from ${where}${unit.rpath && family2 !== "windows" ? " through its rpath" : ""}, but copied elsewhere it fails with ${failure}, missing ${listed(startup.copiedAlone)}` : extra.length === 0 && startup.inPlace.length === all.length ? direct = `but run directly, from ${where} or copied elsewhere, it fails with ${failure}` : direct = `but run from ${where} it fails with ${failure}, missing ${listed(startup.inPlace)}${extra.length > 0 ? `, and copied elsewhere it also misses ${listed(extra)}` : ""}`;
  let parts = [`${describeUnit(unit)} needs ${listed(all)} at run time${noRpath ? " and has no rpath (`rpath = false`)" : ""}: ${underCargo}, ${direct}.`];
  family2 === "windows" && parts.push("Windows has no rpath: DLLs are found next to the executable or on `PATH`.");
  let found = libraries.filter((l) => !all.includes(l) && l !== unit.targetInfo.stdDylib);
  return family2 === "darwin" && !unit.rpath && found.length > 0 && parts.push(`${listed(found)} ${found.length === 1 ? "is" : "are"} found through the absolute path rustc gave ${found.length === 1 ? "it" : "them"}: only on this machine, while \`target/\` exists.`), all.some((l) => l.includes("-<hash>") && !/^(lib)?std-/.test(l)) && parts.push("`<hash>` stands for cargo's metadata hash of the package, known once it is built."), parts.join(" ");
}
function startupFixes(unit, family2, startup) {
  let info = unit.targetInfo, missing = missingAnywhere(startup), std = info.stdDylib, stays = 'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.';
  if (family2 === "windows") {
    let unwinder = startup.underCargo[0], sources = [
      ...std !== null && missing.includes(std) ? [`\`${std}\` is in \`${info.targetLibdir}\``] : [],
      ...unwinder !== void 0 ? [`\`${unwinder}\` comes from the MinGW-w64 toolchain that linked it (with \`libwinpthread-1.dll\` for its POSIX-threads build)`] : []
    ];
    return [
      stays,
      `Or ship ${listed(missing)} in the executable's directory${sources.length > 0 ? ` (${sources.join("; ")})` : ""}.`,
      "Or put the directories that hold them on `PATH` when starting it."
    ];
  }
  return [
    stays,
    unit.rpath ? `Or ship ${listed(missing)} beside the executable with an rpath that names that directory (\`-C link-arg=-Wl,-rpath,${family2 === "darwin" ? "@loader_path" : "$ORIGIN"}\`)${std !== null && missing.includes(std) ? `; \`${std}\` is in \`${info.targetLibdir}\`` : ""}.` : `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${listed(missing)} beside it${std !== null && missing.includes(std) ? ` (\`${std}\` is in \`${info.targetLibdir}\`)` : ""}.`,
    `Or set the library path (\`${libraryPathVariable(family2)}\`) when starting it.`
  ];
}
function dynamicDylibs(result, linkage) {
  return dynamicCrates(result).map((k) => linkage.crateNames.get(k)?.unit).filter((u) => u != null).map((u) => ({ u, depth: linkChain(result.unit, u).length })).filter((e) => e.depth > 0).sort((a, b) => a.depth - b.depth || a.u.index - b.u.index).map((e) => e.u);
}

// src/rules/doctests.ts
function doctestFindings(linkage, locator, metadata, crossTarget) {
  let out = [];
  for (let result of linkage.results) {
    if (result.unit.mode !== "doctest" || result.unit.docExamples !== "run" || result.status !== "ok") continue;
    let finding2 = doctestRuntimeFinding(result, linkage, locator, metadata, crossTarget);
    finding2 && out.push(finding2);
  }
  return out;
}
function doctestRuntimeFinding(result, linkage, locator, metadata, crossTarget) {
  let unit = result.unit, std = unit.targetInfo.stdDylib, stdMissing = std !== null && result.runtimeLibraries.includes(std) && !stdOnDefaultLoaderPath(unit.targetInfo), missing = result.runtimeLibraries.filter((l) => l === std ? stdMissing : crossTarget);
  if (missing.length === 0) return null;
  let dylib = dynamicDylibs(result, linkage)[0] ?? null, chain = dylib ? linkChain(unit, dylib) : [], steps = featureSteps(chain, metadata, locator), own = dylib ? locator.dependencyNamed(chain[chain.length - 2]?.pkg ?? unit.pkg, crateName2(dylib)) : locator.crateType(unit), through = dylib ? ` (through dylib \`${crateName2(dylib)}\`)` : "", libdir = unit.targetInfo.targetLibdir;
  return {
    ...base(unit, "doctest-runtime", "bin"),
    crates: missing,
    message: `${describeUnit(unit)} fail when \`cargo test\` runs them: each example links ${missing.map((l) => `\`${l}\``).join(", ")}${through}, and cargo runs doc tests with only ${crossTarget ? "the host's `target/<profile>/deps`" : "`target/<profile>/deps`"} on the library path, not the toolchain's library directory \u2014 every example fails with exit status 127 ("error while loading shared libraries").`,
    fixes: [
      'Link statically when testing: do not enable the feature or flag that brings the Rust dylib in for `cargo test` (Bevy-style `dynamic_linking` only for `cargo run`), or add `"rlib"` to the dylib\'s `crate-type`.',
      `Or put the toolchain's libraries on the path for \`cargo test\`: \`LD_LIBRARY_PATH="${libdir}" cargo test\` (\`DYLD_FALLBACK_LIBRARY_PATH\` on macOS, \`PATH\` on Windows); cargo adds its own directories in front.`,
      "Or mark the examples `no_run`: rustdoc still compiles them but does not run them."
    ],
    ...chain.length > 1 ? { inclusion: [{ chain: chain.slice(0, -1).map(crateName2), crate: crateName2(dylib), how: "dynamic", file: dylibFileName(dylib), ...steps.length > 0 ? { features: steps } : {} }] } : {},
    ...locateByFeature(steps, own, null)
  };
}

// src/rules/duplicate-symbol.ts
function duplicateSymbolFindings(ctx) {
  let exportsOf = ctx.facts.exportedSymbols;
  return exportsOf === void 0 ? [] : [...harnessFindings(ctx, exportsOf), ...importLibraryFindings(ctx, exportsOf)];
}
function harnessFindings(ctx, exportsOf) {
  let out = [];
  for (let result of ctx.linkage.results) {
    let unit = result.unit;
    if (unit.mode !== "test" || unit.target.kind !== "lib" || result.status === "blocked") continue;
    let copy = staticCopy(result, ctx);
    if (copy === null) continue;
    let exported = exportsOf(unit.target).filter((e) => e.library && e.harness);
    if (exported.length === 0) continue;
    let chain = linkChain(unit, copy), dep = unit.crates.find((d) => d.unit === chain[1]);
    dep !== void 0 && out.push(finding(ctx, unit, copy, chain, dep, exported));
  }
  return out;
}
function staticCopy(result, ctx) {
  let unit = result.unit;
  for (let cnum = 0; cnum < result.crates.length; cnum++) {
    let owner = ctx.linkage.crateNames.get(result.crates[cnum].key)?.unit;
    if (!(owner == null || owner === unit || owner.pkg.id !== unit.pkg.id || owner.target.kind !== "lib" || owner.target.name !== unit.target.name) && result.artifacts.some((a) => a.formats?.linkage[cnum] === "static"))
      return owner;
  }
  return null;
}
function finding(ctx, unit, copy, chain, dep, exported) {
  let name = crateName2(copy), first = exported[0], at = ctx.locator.file(first.file, first.line), attribute = first.attribute === "export_name" ? `#[export_name = "${first.symbol}"]` : "#[no_mangle]", others = exported.length - 1, symbols = `\`${first.symbol}\` (\`${attribute}\` at ${at.file}:${at.line})${others > 0 ? ` and ${others} more unmangled symbol${others === 1 ? "" : "s"}` : ""}`, section = dep.edge === "dev" ? "dev-dependency" : dep.edge === "build" ? "build-dependency" : "dependency", via = chain.map((u) => `\`${crateName2(u)}\``).join(" \u2192 "), message = `${describeUnit(unit)} links a second, static copy of \`${name}\`: the ${section} \`${dep.externName}\` depends back on it (${via}), so the harness (\`${name}\`'s source compiled with \`--test\`) and \`${name}\`'s rlib both define the unmangled symbol ${symbols}. The link fails with "multiple definition of \`${first.symbol}\`" (lld: "duplicate symbol: ${first.symbol}") when the linker pulls in the rlib's object file that defines it, that is when code reached through \`${dep.externName}\` calls a mangled function of \`${name}\` in the same codegen unit: this depends on rustc's codegen-unit partitioning, which cannot be known before compiling.`, steps = featureSteps(chain, ctx.metadata, ctx.locator), location = ctx.locator.dependency(unit, dep.unit, dep.edge, dep.platform);
  return {
    ...base(unit, "duplicate-symbol"),
    crates: [name],
    message,
    fixes: [
      `Move the exported functions into a separate crate that both \`${name}\` and \`${dep.externName}\` depend on, so that one copy defines \`${first.symbol}\`.`,
      `Or make the ${section} \`${dep.externName}\` not depend back on \`${name}\` (move what it uses from \`${name}\` into it or into a shared crate), so the harness links no second copy.`,
      `Or gate the export with \`#[cfg(not(test))]\`, or keep the function and export it only outside tests with \`#[cfg_attr(not(test), unsafe(no_mangle))]\`, so the harness does not define \`${first.symbol}\`.`
    ],
    inclusion: [{ chain: chain.slice(0, -1).map(crateName2), crate: name, how: "static", ...steps.length > 0 ? { features: steps } : {} }],
    ...location,
    related: [...location.related ?? [], { file: at.file, line: at.line, message: `\`${attribute}\` on \`${first.symbol}\`, defined by both copies` }]
  };
}
function importLibraryFindings(ctx, exportsOf) {
  let out = [];
  for (let result of ctx.linkage.results) {
    let unit = result.unit;
    if (!(result.status !== "ok" || !isMingw(unit.targetInfo)))
      for (let artifact of result.artifacts) {
        let linkage = artifact.formats?.linkage;
        if (linkage === void 0) continue;
        let linked = (how) => result.crates.filter((_, cnum) => linkage[cnum] === how).map((c) => ctx.linkage.crateNames.get(c.key)?.unit ?? null), statics = [unit, ...linked("static")], dylibs = linked("dynamic"), clash = firstClash(ctx, exportsOf, statics, dylibs);
        if (clash !== null) {
          out.push(importLibraryFinding(ctx, result, artifact.crateType, clash));
          break;
        }
      }
  }
  return out;
}
function firstClash(ctx, exportsOf, statics, dylibs) {
  let defined = /* @__PURE__ */ new Map();
  for (let local of statics)
    if (local != null)
      for (let e of exportsOf(local.target)) e.library && !defined.has(e.symbol) && defined.set(e.symbol, { symbol: e, unit: local });
  if (defined.size === 0) return null;
  for (let dylib of dylibs) {
    if (dylib == null) continue;
    let inside = [...ctx.linkage.byUnit.get(dylib)?.dylibFormats ?? []].filter(([, how]) => how === "static").map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null);
    for (let owner of [dylib, ...inside])
      if (owner != null)
        for (let e of exportsOf(owner.target)) {
          let local = defined.get(e.symbol);
          if (e.library && local !== void 0 && local.unit !== owner) return { symbol: local.symbol, local: local.unit, dylib, owner };
        }
  }
  return null;
}
function importLibraryFinding(ctx, result, crateType, clash) {
  let unit = result.unit, { symbol, local, dylib, owner } = clash, at = ctx.locator.file(symbol.file, symbol.line), attribute = symbol.attribute === "export_name" ? `#[export_name = "${symbol.symbol}"]` : "#[no_mangle]", importLibrary = dylibFileName(dylib).replace(/\.dll$/, ".dll.a").replace(/^/, "lib"), definer = local === unit ? `${describeUnit(unit)} itself` : `\`${crateName2(local)}\`, which it links statically,`, inside = owner === dylib ? "" : ` (from \`${crateName2(owner)}\`, which it contains)`, message = `${describeUnit(unit)} gets the unmangled symbol \`${symbol.symbol}\` twice on \`${unit.targetInfo.triple}\`: ${definer} defines it (\`${attribute}\` at ${at.file}:${at.line}), and dylib \`${crateName2(dylib)}\` exports it${inside} through its import library \`${importLibrary}\`. The MinGW linker takes \`${symbol.symbol}\` from the import library, then fails with "multiple definition of \`${symbol.symbol}\`" if it pulls in the object file of \`${crateName2(local)}\` that defines it for anything else; if it does not, calls to \`${symbol.symbol}\` reach \`${crateName2(dylib)}\`'s. ELF targets link both definitions.`, hop = local === unit ? null : unit.crates.find((d) => d.unit === linkChain(unit, local)[1]), location = hop == null ? ctx.locator.crateType(unit) : ctx.locator.dependency(unit, hop.unit, hop.edge, hop.platform);
  return {
    ...base(unit, "duplicate-symbol", crateType),
    crates: [crateName2(local), crateName2(owner)],
    message,
    fixes: [
      'Give one of the two definitions another name (`#[export_name = "\u2026"]`), or keep the symbol in one crate that both use.',
      `Or link \`${crateName2(dylib)}\` statically here (an \`rlib\` beside its \`dylib\`, no \`-C prefer-dynamic\`), so the import library is not linked.`
    ],
    ...location,
    related: [...location.related ?? [], { file: at.file, line: at.line, message: `\`${attribute}\` on \`${symbol.symbol}\`` }]
  };
}

// src/rust-source/c-interface.ts
var C_ABIS = /* @__PURE__ */ new Set([
  "C",
  "C-unwind",
  "system",
  "system-unwind",
  "cdecl",
  "cdecl-unwind",
  "stdcall",
  "stdcall-unwind",
  "fastcall",
  "fastcall-unwind",
  "thiscall",
  "thiscall-unwind",
  "vectorcall",
  "vectorcall-unwind",
  "win64",
  "win64-unwind",
  "sysv64",
  "sysv64-unwind",
  "aapcs",
  "aapcs-unwind",
  "efiapi"
]), PRIMITIVES = /* @__PURE__ */ new Set(["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool"]), C_TYPES = /* @__PURE__ */ new Set([
  "c_char",
  "c_schar",
  "c_uchar",
  "c_short",
  "c_ushort",
  "c_int",
  "c_uint",
  "c_long",
  "c_ulong",
  "c_longlong",
  "c_ulonglong",
  "c_float",
  "c_double",
  "c_void",
  "c_size_t",
  "c_ssize_t",
  "c_ptrdiff_t",
  "size_t",
  "ssize_t",
  "ptrdiff_t",
  "intptr_t",
  "uintptr_t"
]), C_TYPE_MODULES = ["std::ffi", "core::ffi", "std::os::raw"], INTEGER_REPRS = /* @__PURE__ */ new Set(["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"]), MAX_ALIASES = 8;
function interfaceProblem(exported) {
  let signature = exported.signature;
  if (signature === void 0) return { reason: "has a signature that was not read", line: exported.line };
  if (signature === null) return { reason: "has a signature that could not be read", line: exported.line };
  let types = exported.types ?? [];
  if (signature.item === "static") {
    let problem = typeProblem(signature.type, "static", types, 0);
    return problem === null ? null : { reason: `is a static of type \`${signature.type.text}\`: ${problem.why}`, line: problem.line };
  }
  if (signature.abi === null) return { reason: 'has the Rust ABI: it is exported unmangled but not declared `extern "C"`', line: signature.line };
  if (!C_ABIS.has(signature.abi)) return { reason: `uses the \`extern "${signature.abi}"\` ABI, not a C one`, line: signature.line };
  if (signature.generic) return { reason: "is generic", line: signature.line };
  for (let param of signature.params) {
    let problem = typeProblem(param, "param", types, 0);
    if (problem !== null) return { reason: `takes \`${param.text}\`: ${problem.why}`, line: problem.line };
  }
  if (signature.returns !== null) {
    let problem = typeProblem(signature.returns, "return", types, 0);
    if (problem !== null) return { reason: `returns \`${signature.returns.text}\`: ${problem.why}`, line: problem.line };
  }
  return null;
}
function typeProblem(type, position, types, aliases) {
  let bad = (why) => ({ why, line: type.line });
  switch (type.kind) {
    case "never":
      return position === "return" ? null : bad("`!` has no C equivalent");
    case "tuple":
      return type.items.length === 0 && position === "return" ? null : bad(type.items.length === 0 ? "`()` has no C equivalent as a value" : "tuples have no defined layout");
    case "dyn":
      return bad("a trait object has a Rust layout and vtable");
    case "impl":
      return bad("`impl Trait` is a Rust type chosen by the compiler");
    case "other":
      return bad("this type is not known to be C-compatible");
    case "slice":
      return bad("slices have no C equivalent");
    case "array":
      return position === "static" ? typeProblem(type.of, "inner", types, aliases) : bad("arrays cannot be passed by value in C");
    case "pointer":
      return thin(type.to) ? null : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
    case "reference":
      return thin(type.to) ? typeProblem(type.to, "inner", types, aliases) : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
    case "fn":
      if (type.abi === null) return bad('a Rust-ABI function pointer (no `extern "C"`)');
      if (!C_ABIS.has(type.abi)) return bad(`a function pointer with the \`extern "${type.abi}"\` ABI`);
      for (let p of type.params) {
        let problem = typeProblem(p, "param", types, aliases);
        if (problem !== null) return problem;
      }
      return type.returns === null ? null : typeProblem(type.returns, "return", types, aliases);
    case "path":
      return pathProblem(type, types, aliases);
  }
}
function pathProblem(type, types, aliases) {
  let bad = (why) => ({ why, line: type.line }), name = type.segments[type.segments.length - 1], module = type.segments.slice(0, -1).join("::"), bare = type.segments.length === 1;
  if (type.args.length === 0 && bare && PRIMITIVES.has(name) || type.args.length === 0 && (module === "libc" || C_TYPES.has(name) && (bare || C_TYPE_MODULES.includes(module)))) return null;
  let arg = type.args[0];
  if (name === "NonNull" && type.args.length === 1 && (bare || module === "std::ptr" || module === "core::ptr"))
    return thin(arg) ? null : bad(`\`${type.text}\` is a fat pointer`);
  if (name === "Option" && type.args.length === 1 && (bare || module === "std::option" || module === "core::option")) {
    let inner = resolved(arg, types);
    return inner.kind === "reference" || inner.kind === "fn" || inner.kind === "path" && inner.segments[inner.segments.length - 1] === "NonNull" && inner.args.length === 1 ? typeProblem(inner, "inner", types, aliases) : bad(`\`Option<${arg.text}>\` has no C layout (only \`Option\` of a reference, \`NonNull\` or an \`extern "C" fn\` is a nullable pointer)`);
  }
  if ((name === "Box" || name === "Arc" || name === "Rc") && arg?.kind === "dyn")
    return bad("a boxed trait object is a fat pointer to a vtable laid out by this side's compiler, and the side that drops it frees it with its own allocator");
  let declared = types.filter((d) => d.name === name);
  if (declared.length === 0) return bad(RUST_TYPES.has(name) ? `\`${name}\` is a Rust type with no C layout` : `no \`#[repr(C)]\` declaration of \`${name}\` was found in the workspace`);
  for (let d of declared) {
    if (d.item === "type") {
      if (aliases >= MAX_ALIASES || d.aliasOf === null) return bad(`the alias \`${name}\` could not be followed`);
      let problem = typeProblem(d.aliasOf, "inner", types, aliases + 1);
      if (problem !== null) return { why: `\`${name}\` is \`${d.aliasOf.text}\`: ${problem.why}`, line: type.line };
      continue;
    }
    if (!d.repr.some((r) => r === "C" || r === "transparent" || INTEGER_REPRS.has(r)))
      return bad(`\`${name}\` (a ${d.item} of the workspace) has no \`#[repr(C)]\`, \`#[repr(transparent)]\` or integer representation, so its layout is the compiler's choice`);
  }
  for (let a of type.args) {
    let problem = typeProblem(a, "inner", types, aliases);
    if (problem !== null) return problem;
  }
  return null;
}
function resolved(type, types) {
  let current = type;
  for (let i = 0; i < MAX_ALIASES && current.kind === "path" && current.args.length === 0; i++) {
    let name = current.segments[current.segments.length - 1], declared = types.filter((d) => d.name === name);
    if (declared.length !== 1 || declared[0].aliasOf === null) break;
    current = declared[0].aliasOf;
  }
  return current;
}
var RUST_TYPES = /* @__PURE__ */ new Set(["String", "Vec", "Box", "Rc", "Arc", "HashMap", "BTreeMap", "HashSet", "Result", "Option", "str", "char", "CString", "CStr", "OsString", "PathBuf", "Path", "Cow", "RefCell", "Cell", "Mutex", "RwLock"]);
function thin(pointee) {
  if (pointee.kind === "dyn" || pointee.kind === "slice") return !1;
  if (pointee.kind === "path") {
    let name = pointee.segments[pointee.segments.length - 1];
    return !(pointee.args.length === 0 && (name === "str" || name === "CStr" || name === "OsStr" || name === "Path"));
  }
  return !0;
}

// src/rules/plugins.ts
var EXECUTABLE_KINDS2 = /* @__PURE__ */ new Set(["bin", "example", "test", "bench"]);
function pluginFindings(ctx) {
  let system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  return [...system ? runtimeFindings(ctx, system) : [], ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)];
}
function runtimeFindings(ctx, system) {
  if (system.plugins.length === 0 && system.dylibs.length === 0) return [];
  let problem = system.plugins.length > 0 ? firstPluginProblem(ctx, system.plugins) : null, out = [];
  for (let { unit, loaders } of system.hosts) {
    let checked = loaders.filter((l) => CHECKED_LOADERS.has(l));
    if (checked.length === 0 && problem === null && system.dylibs.length === 0) continue;
    let how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : "calls the system loader (`dlopen`/`LoadLibrary`)", parts = [];
    system.dylibs.length > 0 && parts.push(dylibHazards(ctx, unit, system.dylibs)), system.plugins.length > 0 && (checked.length > 0 || problem !== null) && parts.push(cdylibHazards(system.plugins, checked, problem, ctx));
    let location = problem !== null && checked.length === 0 && problem.file !== null ? ctx.locator.file(problem.file, problem.line) : problem !== null && checked.length === 0 ? ctx.locator.crateType(problem.plugin) : loaders.length > 0 ? ctx.locator.dependencyNamed(unit.pkg, loaders[0]) : ctx.locator.crateType(system.dylibs[0] ?? system.plugins[0]);
    out.push({
      ...base(unit, "multiple-rust-runtimes", "bin"),
      ...checked.length > 0 ? { severity: "note" } : {},
      crates: [...system.plugins, ...system.dylibs].map(crateName2),
      message: `${describeUnit(unit)} ${how}, and this build produces what it loads. ${parts.join(" ")}`,
      fixes: fixesFor(system, checked, problem),
      ...location
    });
  }
  return out;
}
function cdylibHazards(plugins, checked, problem, ctx) {
  let copies = `Each \`cdylib\` plugin (${listCrates(plugins.map(crateName2))}) carries its own copy of \`std\` and of every dependency \u2014 its own allocator, statics and thread-locals (a \`log\` logger, a \`tracing\` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different \`TypeId\`s.`;
  if (checked.length > 0) return `${copies} ${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`;
  let where = problem.file === null ? "" : ` (${ctx.locator.file(problem.file, problem.line).file}:${problem.line})`, what = problem.exported ? `\`${crateName2(problem.plugin)}\` exports \`${problem.exported.symbol}\`${where}, which ${problem.text}` : `\`${crateName2(problem.plugin)}\` ${problem.text}`;
  return `${copies} So only \`#[repr(C)]\` data and \`extern "C"\` functions may cross the boundary, but ${what}.`;
}
function dylibHazards(ctx, host, dylibs) {
  let names = listCrates(dylibs.map(crateName2)), std = stdIsDynamic(host, ctx.linkage) && dylibs.every((d) => stdIsDynamic(d, ctx.linkage)) ? "Both link `libstd` dynamically, so they share it;" : `Each side links \`std\` statically, so ${dylibs.length === 1 ? "it has" : "they have"} a copy of its own (allocator, panic runtime, thread-locals);`;
  return `The Rust dylib${dylibs.length === 1 ? "" : "s"} ${names} ${dylibs.length === 1 ? "is" : "are"} loaded, not linked, so rustc checks nothing between ${dylibs.length === 1 ? "it" : "them"} and the host: whatever crosses has the Rust ABI and must come from the same compiler build with the same ABI-relevant flags (\`-C target-cpu\`, \`-C target-feature\`, layout randomization) as the host. ${std} every crate the dylib contains statically is a second copy of that crate \u2014 its statics (a \`log\` logger, a \`tracing\` dispatcher) are not the host's \u2014 and a Rust dylib cannot be unloaded safely (thread-local destructors, \`'static\` data handed out).`;
}
function fixesFor(system, checked, problem) {
  let fixes = [];
  return system.dylibs.length > 0 && (fixes.push("Pin the exact compiler in `rust-toolchain.toml` and build the host and the dylibs in one `cargo` invocation with the same flags; never `dlclose` a Rust dylib."), fixes.push('Or make the loaded libraries `cdylib`s with an `extern "C"` interface of `#[repr(C)]` types.')), system.plugins.length > 0 && (checked.length > 0 || problem !== null) && fixes.push(
    'Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.',
    "Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.",
    checked.length > 0 ? "Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library." : "Or use abi_stable or stabby, which check the layout of every type at load time."
  ), fixes;
}
function firstPluginProblem(ctx, plugins) {
  let exportsOf = ctx.facts.exportedSymbols;
  for (let plugin of plugins) {
    let exported = exportsOf === void 0 ? [] : exportsOf(plugin.target).filter((e) => e.library);
    if (exported.length === 0)
      return { plugin, text: "has no `#[no_mangle]` or `#[export_name]` export in its sources that could be read, so its interface is unknown (exports a macro generates are not seen)", file: null, line: 0 };
    for (let e of exported) {
      let found = interfaceProblem(e);
      if (found !== null) return { plugin, exported: e, text: found.reason, file: e.file, line: found.line };
    }
    if (exported.some((e) => e.sourcesComplete === !1))
      return { plugin, text: "has module files that could not be read, so other exports may be unseen", file: null, line: 0 };
  }
  return null;
}
function allocatorFindings(ctx, system) {
  let out = [], sides = /* @__PURE__ */ new Set([...system?.hosts.map((h) => h.unit) ?? [], ...system?.plugins ?? []]);
  for (let result of ctx.linkage.results) {
    let unit = result.unit;
    if (unit.kind !== "target" || result.status === "blocked") continue;
    let ignored = (unit.mode !== "build" || EXECUTABLE_KINDS2.has(unit.target.kind) && unit.crateTypes.includes("bin")) && stdIsDynamic(unit, ctx.linkage);
    if (!ignored && !sides.has(unit)) continue;
    let allocators = allocatorsIn(unit, ctx);
    if (ignored)
      for (let a of allocators.filter((a2) => !usesSystemAllocator(a2)))
        out.push({
          ...base(unit, "global-allocator-ignored", "bin"),
          crates: [crateName2(unit)],
          message: `${describeUnit(unit)} links \`std\` dynamically, so rustc generates no allocator shim in it and uses the one inside \`libstd\`: the \`#[global_allocator]\` \`${a.item}\` is silently never called (rust-lang/rust#100781).`,
          fixes: [
            "Link `std` statically in builds that need the allocator: no `-C prefer-dynamic`, and no Rust `dylib` dependencies.",
            "Or replace the allocator process-wide instead (e.g. `LD_PRELOAD` or a `malloc` interposer), which also reaches dynamically linked Rust code."
          ],
          ...ctx.locator.file(a.file, a.line)
        });
    if (sides.has(unit))
      for (let a of allocators.filter((a2) => !usesSystemAllocator(a2))) {
        let plugin = system.plugins.includes(unit);
        out.push({
          ...base(unit, "global-allocator-split", plugin ? "cdylib" : "bin"),
          crates: [crateName2(unit)],
          message: `${describeUnit(unit)} declares \`${a.item}\` as its global allocator, while ${plugin ? "the host and the other plugins use their own" : "its `cdylib` plugins use their own (the system allocator unless they declare one)"}: memory allocated on one side of the boundary and freed on the other goes to a different heap \u2014 heap corruption, not an error.`,
          fixes: [
            "Free memory on the side that allocated it: export `destroy`/`free` functions from each plugin and never `Box::from_raw` a pointer from the other side.",
            "Or make every side use the same underlying heap: the system allocator everywhere, or replace `malloc` process-wide instead of declaring `#[global_allocator]`."
          ],
          ...ctx.locator.file(a.file, a.line)
        });
      }
  }
  return out;
}
function allocatorsIn(unit, ctx) {
  return [...new Set([unit.pkg, ...unit.crates.map((d) => d.unit.pkg)].filter((p) => p.source === null))].flatMap((pkg) => ctx.facts.globalAllocators(pkg));
}
function usesSystemAllocator(a) {
  return /:\s*(?:(?:std|alloc)::alloc::)?System\s*=/.test(a.item);
}
function stdIsDynamic(unit, linkage) {
  let result = linkage.byUnit.get(unit);
  return result !== void 0 && linksAs(result, "sys:std", "dynamic");
}
function hotReloadFindings(ctx) {
  let out = [], executables = ctx.graph.units.filter((u) => u.kind === "target" && u.mode === "build" && EXECUTABLE_KINDS2.has(u.target.kind)), members = new Set(ctx.metadata.workspaceMembers);
  for (let unit of ctx.graph.units) {
    if (unit.kind !== "target" || unit.mode !== "build" || unit.target.kind !== "lib" || !members.has(unit.pkg.id)) continue;
    let types = unit.crateTypes;
    if (!types.includes("dylib") || !(types.includes("rlib") || types.includes("lib"))) continue;
    let users = executables.filter((e) => e.crates.some((d) => d.unit === unit));
    if (users.length === 0) continue;
    let name = crateName2(unit);
    out.push({
      ...base(unit, "hot-reload-layout", "dylib"),
      crates: [name],
      message: `\`${name}\` is built both as an rlib, which ${listCrates(users.map((u) => u.target.name))} link${users.length === 1 ? "s" : ""} statically, and as a dylib: the hot-reload shape. A reloaded \`lib${name}\` is a second copy of the crate and of \`std\`: its statics (a \`tracing\` callsite registry, a \`log\` logger, thread-locals) are not the executable's, its \`TypeId\`s differ, and types whose layout changed since the executable was built are read with the old layout.`,
      fixes: [
        'Keep the reloadable code behind a small `#[repr(C)]` / `extern "C"` interface, and keep all state in the executable.',
        "Rebuild and restart the executable whenever types shared with the dylib change; reload only function bodies.",
        "Initialise logging and tracing in the executable and pass what the dylib needs through the interface (the dylib\u2019s own `tracing` statics are separate)."
      ],
      ...ctx.locator.crateType(unit)
    });
  }
  return out;
}

// src/rules/publish.ts
var LINKABLE_FROM_RUST = /* @__PURE__ */ new Set(["lib", "rlib"]);
function publishFindings(ctx) {
  let out = [];
  for (let pkg of publishedDylibs(ctx.metadata)) {
    let lib = pkg.targets.find((t) => t.kind === "lib"), types = lib.crateTypes.map((t) => `"${t}"`).join(", ");
    out.push({
      rule: "published-dylib",
      severity: ruleInfo("published-dylib").severity,
      package: pkg.name,
      target: lib.name,
      kind: "lib",
      mode: "build",
      crateType: lib.crateTypes[0],
      platform: "target",
      crates: [lib.name.replace(/-/g, "_")],
      message: `\`${pkg.name}\` is published for other projects (${publishedBecause(pkg)}), but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
      fixes: [
        `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
        "Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`."
      ],
      ...ctx.locator.manifestKey(pkg, ["lib", "crate-type"], ["lib", "crate_type"], ["lib"])
    });
  }
  return out;
}
function publishedBecause(pkg) {
  return Array.isArray(pkg.publish) ? `\`publish\` names ${pkg.publish.map((r) => `\`${r}\``).join(", ")}` : `it has a \`description\` and a \`${pkg.license !== null && pkg.license !== "" ? "license" : "license-file"}\`, as crates.io requires, and no \`publish = false\``;
}
function publishedDylibs(metadata) {
  let out = [];
  for (let id of metadata.workspaceMembers) {
    let pkg = metadata.packages.get(id);
    if (!pkg || !meantForOtherProjects(pkg)) continue;
    let lib = pkg.targets.find((t) => t.kind === "lib");
    lib && !lib.crateTypes.some((t) => LINKABLE_FROM_RUST.has(t)) && lib.crateTypes.includes("dylib") && out.push(pkg);
  }
  return out;
}

// src/rules/static-pie.ts
function staticPieFindings(linkage, locator) {
  let out = [];
  for (let result of linkage.results) {
    let unit = result.unit, what = result.status === "ok" ? staticPieWithRunPath(unit) : null;
    if (what === null) continue;
    let outcome = what === "build-script" ? 'cargo fails running it ("failed to run custom build command", SIGSEGV) and nothing that waits for it is built' : what === "test-harness" ? "`cargo test` fails on it with SIGSEGV" : "it dies with SIGSEGV before `main`, under `cargo run` as well as started directly", source = unit.targetInfo.rustflagsSource, fromEnv = source !== null && "env" in source ? ` from \`${source.env}\`` : "", flags = source !== null && !("env" in source) ? locator.setting("rustflags", unit) : null;
    out.push({
      ...base(unit, "static-pie-rpath", "bin"),
      crates: [],
      message: `${describeUnit(unit)} is linked as a static-pie executable (\`-C target-feature=+crt-static\`${fromEnv}) with a run path (\`rpath = true\`): glibc's start-up code for static-pie executables requires that there be no RUNPATH, so ${outcome}.`,
      fixes: [
        "Or link it as a non-PIE static executable: add `-C relocation-model=static` next to `+crt-static`.",
        ...what === "build-script" ? ["Or pass `--target <triple>`: `RUSTFLAGS` then stop applying to build scripts, and only the target's executables are linked statically."] : []
      ],
      ...locator.setting("rpath", unit),
      ...flags !== null ? { related: [{ file: flags.file, line: flags.line, message: "`+crt-static`" }] } : {}
    });
  }
  return out;
}

// src/rules/toolchain.ts
function toolchainFindings(ctx) {
  return [...unpinnedFindings(ctx), ...mismatchFindings(ctx), ...rustVersionFindings(ctx), ...targetFindings(ctx)];
}
function buildBoundaryCrossings(ctx) {
  let out = [], system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  for (let unit of system?.dylibs ?? [])
    out.some((c) => c.pkg === unit.pkg) || out.push({ pkg: unit.pkg, crate: crateName2(unit), why: "loaded" });
  for (let pkg of publishedDylibs(ctx.metadata))
    out.some((c) => c.pkg === pkg) || out.push({ pkg, crate: pkg.targets.find((t) => t.kind === "lib").name.replace(/-/g, "_"), why: "published" });
  return out;
}
function unpinnedFindings(ctx) {
  let { pin, expectedToolchain } = ctx.facts;
  if (expectedToolchain !== null || pin !== null && pin.kind !== "floating") return [];
  let crossings = buildBoundaryCrossings(ctx);
  if (crossings.length === 0) return [];
  let first = crossings[0], location = pin !== null ? ctx.locator.file(pin.file, pin.line) : ctx.locator.manifestKey(first.pkg, ["lib", "crate-type"], ["lib", "crate_type"], ["lib"]), floating = pin !== null ? `\`${pin.file.split(/[\\/]/).pop()}\` names \`${pin.channel ?? "no channel"}\`, which moves with every release` : "no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler", loaded = crossings.filter((c) => c.why === "loaded").map((c) => c.crate), published = crossings.filter((c) => c.why === "published").map((c) => c.crate), parts = [];
  return loaded.length > 0 && parts.push(`dylib ${listCrates(loaded, 3)} ${loaded.length === 1 ? "is" : "are"} loaded at run time, not linked, so ${loaded.length === 1 ? "it is" : "they are"} rebuilt and shipped apart from the executable that loads ${loaded.length === 1 ? "it" : "them"}`), published.length > 0 && parts.push(`dylib ${listCrates(published, 3)} ${published.length === 1 ? "is" : "are"} published for other projects, which build their side with their own compiler`), [
    {
      rule: "toolchain-unpinned",
      severity: ruleInfo("toolchain-unpinned").severity,
      crates: crossings.map((c) => c.crate),
      message: `A Rust dylib crosses a build boundary (${parts.join("; ")}), but ${floating}. Rust has no stable ABI: a dylib works only with code from the very same compiler build, and nothing checks that when it is loaded, so a dylib built with one toolchain and a host built with another fail with E0514 or "undefined symbol", or crash.`,
      fixes: [
        `Pin the exact compiler in \`rust-toolchain.toml\`: \`[toolchain]\` then \`channel = "${suggestedChannel(ctx.build.rustc)}"\`.`,
        "Or set `exact-toolchain` in `.github/rust-linkage.toml` if the toolchain is chosen elsewhere (a CI image, `dtolnay/rust-toolchain@1.95.0`)."
      ],
      ...location
    }
  ];
}
function suggestedChannel(rustc) {
  if (!rustc.release.endsWith("-nightly") || rustc.commitDate === null) return rustc.release;
  let next = /* @__PURE__ */ new Date(`${rustc.commitDate}T00:00:00Z`);
  return next.setUTCDate(next.getUTCDate() + 1), `nightly-${next.toISOString().slice(0, 10)}`;
}
function mismatchFindings(ctx) {
  let { pin, expectedToolchain } = ctx.facts, expected = expectedToolchain !== null ? pinForChannel(expectedToolchain.channel, expectedToolchain.file, expectedToolchain.line) : pin;
  if (expected === null) return [];
  let { verdict, reason } = compareToolchain(expected, ctx.build.rustc);
  if (verdict !== "mismatch") return [];
  let source = expectedToolchain !== null ? "`exact-toolchain` in the policy file" : `\`${expected.file.split(/[\\/]/).pop()}\``;
  return [
    {
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      crates: [expected.channel ?? expected.path ?? ""],
      message: `The compiler in use is not the one ${source} requires (${reason}): what this run predicts, and what it builds, is not what the pinned toolchain would do, and Rust dylibs or plugins built with the pinned toolchain cannot be mixed with this one.`,
      fixes: [
        `Install and select the pinned toolchain before this step (for example \`rustup toolchain install ${expected.channel ?? "<channel>"}\`, or the action's \`rust-toolchain\` input).`,
        "Or update the pin to the toolchain you mean to use."
      ],
      ...ctx.locator.file(expected.file, expected.line)
    }
  ];
}
function rustVersionFindings(ctx) {
  let runner = parseRelease(ctx.build.rustc.release);
  if (runner === null) return [];
  let out = [], packages = new Map(ctx.graph.units.filter((u) => u.pkg.source === null).map((u) => [u.pkg.id, u.pkg]));
  for (let pkg of packages.values()) {
    let wanted = pkg.rustVersion === null ? null : parseRelease(pkg.rustVersion);
    wanted === null || compareRelease(wanted, runner) <= 0 || out.push({
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      package: pkg.name,
      crates: [pkg.name],
      message: `\`${pkg.name}\` declares \`rust-version = "${pkg.rustVersion}"\`, newer than the compiler in use (rustc ${ctx.build.rustc.release}): cargo refuses to build it ("${pkg.name}@${pkg.version} requires rustc ${pkg.rustVersion}").`,
      fixes: [`Use rustc ${pkg.rustVersion} or newer (pin it in \`rust-toolchain.toml\`).`, "Or lower `rust-version` if the package does not need the newer compiler."],
      ...ctx.locator.manifestKey(pkg, ["package", "rust-version"], ["package", "rust_version"], ["package"])
    });
  }
  return out;
}
function targetFindings(ctx) {
  let target = ctx.build.target;
  if (target.stdInstalled) return [];
  let { pin, targetSource } = ctx.facts, location = targetSource !== null && "file" in targetSource ? ctx.locator.file(targetSource.file, targetSource.line) : pin !== null && pin.targetsLine !== null ? ctx.locator.file(pin.file, pin.targetsLine) : ctx.locator.file(`${ctx.metadata.workspaceRoot}/Cargo.toml`, 1);
  return [
    {
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      crates: [target.triple],
      message: `The target \`${target.triple}\` has no standard library in this toolchain (\`${target.targetLibdir}\` holds no \`libstd\`): every crate fails with "error[E0463]: can't find crate for \`std\`".`,
      fixes: [
        `Install it: \`rustup target add ${target.triple}\`, or list it under \`targets\` in \`rust-toolchain.toml\` so rustup installs it with the toolchain.`,
        "Or build for a target this toolchain has."
      ],
      ...location
    }
  ];
}
function parseRelease(text) {
  let m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null;
}
function compareRelease(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

// src/rules/evaluate.ts
var family = (reports, drafts) => ({
  reports,
  errors: reports.some((r) => ruleInfo(r).severity === "error"),
  drafts
}), RULE_FAMILIES = [
  family(
    ["duplicate-linkage", "rlib-required", "dylib-required", "no-linkable-lib", "panic-strategy", "lto-conflict", "unsupported-crate-type", "proc-macro-dylib", "runtime-dylib"],
    (ctx) => linkageFindings(ctx.linkage, ctx.locator, ctx.metadata)
  ),
  family(["doctest-runtime"], (ctx) => doctestFindings(ctx.linkage, ctx.locator, ctx.metadata, ctx.invocation.target !== null)),
  family(["static-pie-rpath"], (ctx) => staticPieFindings(ctx.linkage, ctx.locator)),
  family(["output-filename-collision"], collisionFindings),
  family(["duplicate-symbol"], duplicateSymbolFindings),
  family(["toolchain-unpinned", "toolchain-mismatch"], toolchainFindings),
  family(["panic-strategy-mixed", "abi-flags-divergent", "lto-dynamic-unsound"], abiFindings),
  family(["multiple-rust-runtimes", "global-allocator-ignored", "global-allocator-split", "hot-reload-layout"], pluginFindings),
  family(["published-dylib"], publishFindings)
];
function evaluateRules(ctx, only = "all") {
  let drafts = RULE_FAMILIES.flatMap((f) => only === "all" || f.errors ? f.drafts(ctx) : []), kept = only === "all" ? drafts : drafts.filter((d) => d.severity === "error");
  return dedupe(kept.map((d) => inRepository(d, ctx))).map((f) => ({ ...f, fixes: f.fixes.map(adviceFix), fingerprint: findingFingerprint(f) })).sort(compareFindings);
}
function inRepository(draft, ctx) {
  let index = packageIndex(ctx.metadata), outside = (file) => isAbsolutePath(file) && index.externalManifests.has(forwardSlashes(file)), related = draft.related?.filter((r) => !outside(r.file)), kept = related === void 0 || related.length === draft.related.length ? draft : { ...draft, ...related.length > 0 ? { related } : { related: void 0 } };
  if (!outside(draft.file)) return kept;
  for (let path2 of draft.inclusion ?? []) {
    let names = [...path2.chain, path2.crate];
    for (let i = 1; i < names.length; i++) {
      let dependent = index.members.get(names[i - 1]) ?? (i === 1 && draft.package !== void 0 ? index.memberNamed.get(draft.package) : void 0), external = index.external.get(names[i]);
      if (dependent !== void 0 && external !== void 0) return { ...kept, ...ctx.locator.dependencyNamed(dependent, external.name) };
    }
  }
  return { ...kept, file: "Cargo.toml", line: 1 };
}
function packageIndex(metadata) {
  let index = packageIndexes.get(metadata);
  if (index === void 0) {
    let local = new Set(metadata.workspaceMembers);
    index = { members: /* @__PURE__ */ new Map(), memberNamed: /* @__PURE__ */ new Map(), external: /* @__PURE__ */ new Map(), externalManifests: /* @__PURE__ */ new Set() };
    for (let pkg of metadata.packages.values()) {
      let member = local.has(pkg.id);
      member ? index.memberNamed.set(pkg.name, pkg) : index.externalManifests.add(forwardSlashes(pkg.manifestPath));
      let lib = pkg.targets.find((t) => t.kind === "lib" || t.kind === "proc-macro");
      lib && (member ? index.members : index.external).set(lib.name.replace(/-/g, "_"), pkg);
    }
    packageIndexes.set(metadata, index);
  }
  return index;
}
var packageIndexes = /* @__PURE__ */ new WeakMap();
function dedupe(findings) {
  let seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    let key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join("\0");
    return seen.has(key) ? !1 : (seen.add(key), !0);
  });
}

// src/engine.ts
function analyze(input) {
  let { analysis, linkage } = analyzeOnce(input), { findings, note } = withVerifiedFixes({
    model: { metadata: input.metadata, context: input.context, invocation: input.invocation },
    analysis,
    linkage,
    // What a fix changes is read from the errors and the artifacts' statuses, not from warnings or linkage lists.
    reanalyse: (model) => analyzeOnce({ ...input, ...model }, "verify"),
    readText: input.readText ?? null
  });
  return { ...analysis, findings, notes: note === null ? analysis.notes : [...analysis.notes, note] };
}
function analyzeOnce(input, purpose = "report") {
  let { metadata, context, invocation } = input, selection = selectPackages(metadata, invocation, input.currentManifest), features = featuresOf(input, selection.packages), graph = buildUnitGraph(metadata, context, invocation, selection.packages, input.sourceUsesCrate, features, input.docExamplesOf), linkage = resolveLinkage(graph, compilerBehaviour(context.rustc, context.host)), facts = input.facts ?? noFacts(), findings = evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator: input.locator }, purpose === "verify" ? "errors" : "all"), notes = [...input.notes ?? [], ...selection.warnings, ...graph.warnings];
  input.resolver === null && notes.push(
    "The workspace manifest could not be read, so features are those of `cargo metadata`'s resolve of the whole workspace: an optional dependency another member enables counts as enabled here too."
  ), metadata.graphQuality === "no-dep-kinds" && notes.push(
    "The metadata predates `dep_kinds` (cargo before 1.41): dependency kinds and platforms were recovered from the declared dependencies by name, so a dependency may be counted in more sections than it is."
  );
  let unmodelled = [...new Set([context.host, context.target].filter((t) => loaderFamily(t) === "unmodelled").map((t) => t.triple))];
  for (let triple of unmodelled)
    notes.push(
      `How executables find Rust shared libraries at run time is not modelled for target \`${triple}\`: \`runtime-dylib\` counts every one as missing outside cargo unless an rpath is set. Linkage verdicts are exact.`
    );
  graph.units.some((u) => u.crateTypes.includes("dylib")) && notes.push("Verdicts describe a clean build: cargo does not rebuild a dylib when only `-C prefer-dynamic` changes, so a stale target directory can behave differently.");
  let profile = invocation.command === "test" ? context.testProfile : context.profile;
  return { analysis: {
    version: 2,
    toolchain: toolchainReport(context, facts, metadata.workspaceRoot),
    boundaries: boundaryReports(graph, linkage, metadata, facts),
    workspaceRoot: metadata.workspaceRoot,
    invocation: { command: invocation.command, args: input.commandLine, profile: profile.name },
    artifacts: artifactReports(linkage, purpose === "report"),
    findings,
    notes
  }, linkage };
}
function featuresOf(input, selected) {
  let { metadata, invocation, context } = input;
  return input.resolver === null ? metadataFeatures(metadata) : resolveFeatures(metadata, {
    resolver: input.resolver,
    selected,
    current: currentPackage(metadata, input.currentManifest),
    virtualWorkspace: rootPackage(metadata) === null,
    features: invocation.features,
    allFeatures: invocation.allFeatures,
    noDefaultFeatures: invocation.noDefaultFeatures,
    hasDevUnits: needsDevDependencies(invocation),
    host: context.host,
    target: context.target
  });
}
function toolchainReport(context, facts, workspaceRoot) {
  let report = {
    release: context.rustc.release,
    commitHash: context.rustc.commitHash,
    ...context.rustc.commitDate === null ? {} : { commitDate: context.rustc.commitDate },
    host: context.rustc.host,
    target: context.target.triple,
    stdInstalled: context.target.stdInstalled
  }, pin = facts.pin;
  return pin !== null && (report.pin = { file: relativeOrAbsolute(workspaceRoot, pin.file), line: pin.line, channel: pin.channel, path: pin.path, kind: pin.kind }), facts.expectedToolchain !== null && (report.expected = facts.expectedToolchain.channel), report;
}
function boundaryReports(graph, linkage, metadata, facts) {
  let entry = (unit, role) => ({
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    platform: unit.kind,
    role,
    panic: unit.panic,
    abiFlags: abiFlags(unit.rustflags)
  }), plugins = pluginSystem(graph, metadata, facts.loadsLibraries);
  return [
    ...rustAbiBoundaries(graph, linkage).map((b) => entry(b.unit, b.kind)),
    ...plugins?.plugins.map((u) => entry(u, "plugin")) ?? [],
    ...plugins?.hosts.map((h) => entry(h.unit, "plugin-host")) ?? []
  ];
}
function artifactReports(linkage, linkageLists) {
  let out = [], sorted = [...linkage.results].sort((a, b) => compareUnits(a.unit, b.unit));
  for (let result of sorted) {
    let unit = result.unit;
    if (unit.docExamples === "none") continue;
    let types = unit.crateTypes.length > 0 ? unit.crateTypes : unit.droppedCrateTypes;
    for (let crateType of types) {
      let artifact = result.artifacts.find((a) => a.crateType === crateType), entry = {
        package: unit.pkg.name,
        version: unit.pkg.version,
        target: unit.target.name,
        kind: unit.target.kind,
        mode: unit.mode,
        crateType,
        platform: unit.kind,
        features: [...unit.features],
        status: result.status,
        preferDynamic: unit.preferDynamic !== null,
        panic: unit.panic,
        linkage: artifact?.formats && linkageLists ? linkageEntries(result, artifact.formats, linkage) : []
      };
      result.status === "blocked" && (entry.blockedBy = result.blockedBy.map((b) => ({ package: b.pkg.name, target: b.target.name, kind: b.target.kind, mode: b.mode }))), artifact?.formats && crateType !== "staticlib" && (entry.runtimeLibraries = result.runtimeLibraries, entry.rpath = unit.rpath), out.push(entry);
    }
  }
  return out;
}
function linkageEntries(result, formats, linkage) {
  let interned = entriesOf.get(linkage);
  interned === void 0 && entriesOf.set(linkage, interned = /* @__PURE__ */ new Map());
  let entries = new Array(result.crates.length), length = 0;
  for (let cnum = 0; cnum < result.crates.length; cnum++) {
    let crate = result.crates[cnum], how = formats.linkage[cnum] ?? "not-linked";
    if (how === "not-linked" && crate.key.startsWith("sys:")) continue;
    let via = how === "included-from-dylib" ? formats.via.get(crate.key) : void 0, viaName = via === void 0 ? void 0 : linkage.crateNames.get(via)?.name ?? via, variants = interned.get(crate.key);
    variants === void 0 && interned.set(crate.key, variants = []);
    let entry;
    for (let e of variants) e.how === how && e.via === viaName && (entry = e);
    if (entry === void 0) {
      let owner = linkage.crateNames.get(crate.key)?.unit;
      entry = Object.freeze({
        crate: crate.name,
        how,
        ...viaName === void 0 ? {} : { via: viaName },
        ...owner ? { package: `${owner.pkg.name}@${owner.pkg.version}` } : {}
      }), variants.push(entry);
    }
    entries[length++] = entry;
  }
  return entries.length = length, entries;
}
var entriesOf = /* @__PURE__ */ new WeakMap();
function compareUnits(a, b) {
  return compareText(a.pkg.name, b.pkg.name) || compareText(a.pkg.version, b.pkg.version) || compareText(a.target.kind, b.target.kind) || compareText(a.target.name, b.target.name) || compareText(a.mode, b.mode) || compareText(a.kind, b.kind) || compareText(a.panic, b.panic) || compareText(crateName2(a), crateName2(b));
}
export {
  analyze
};
