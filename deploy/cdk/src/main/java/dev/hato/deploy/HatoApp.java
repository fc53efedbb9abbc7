package dev.hato.deploy;

import software.amazon.awscdk.App;

/** {@code cdk deploy} runs this (see cdk.json): one stack, environment-agnostic. */
public final class HatoApp {

    private HatoApp() {}

    public static void main(String[] args) {
        App app = new App();
        new HatoStack(app, "Hato", Settings.from(app.getNode()));
        app.synth();
    }
}
