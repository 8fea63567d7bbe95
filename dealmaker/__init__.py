"""dealmaker: offline relatiebeheer voor de dealmakers van de Regio Deals."""

__version__ = "0.1.0"
APP_NAME = "dealmaker"
