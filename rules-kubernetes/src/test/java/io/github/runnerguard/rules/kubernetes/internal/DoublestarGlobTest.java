package io.github.runnerguard.rules.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoublestarGlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "**,registry.example.invalid/anyone/anything:latest,true",
        "*,alpine:3.20,true",
        "*,library/alpine,false",
        "*/*:*,anyone/anything:latest,true",
        "*/*:*,registry.example.invalid/anyone/anything:latest,false",
        "registry.example.com/ci/**,registry.example.com/ci/a/b:1,true",
        "registry.example.com/ci/**,registry.example.com/other:1,false",
        "**/*,alpine,true",
        "alpine:3.*,alpine:3.20,true",
        "alpine:3.*,alpine:latest,false",
        "'{alpine,ubuntu}:*',ubuntu:24.04,true",
        "!*/kali*,kalilinux/kali-rolling,false",
        "ruby:[23].?,ruby:3.3,true",
    })
    void matchesLikeDoublestar(String glob, String name, boolean expected) {
        assertEquals(expected, DoublestarGlob.matches(glob, name));
    }
}
