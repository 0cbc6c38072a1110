package io.visualinspection.frontend.service;

/** The health of the services behind this UI. */
public interface StatusGateway {

    /** Never throws: a service that cannot be asked is reported down, with why. */
    SystemStatus status();
}
